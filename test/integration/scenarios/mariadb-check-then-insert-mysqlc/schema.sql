-- InnoDB and the server's default isolation, REPEATABLE READ.
DROP TABLE IF EXISTS claims;
CREATE TABLE claims(id int AUTO_INCREMENT PRIMARY KEY, customer int NOT NULL, code varchar(32) NOT NULL) ENGINE=InnoDB;
