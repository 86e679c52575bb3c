-- InnoDB and the server's default isolation, REPEATABLE READ.
DROP TABLE IF EXISTS bookings, events;
CREATE TABLE events(id int PRIMARY KEY, available_seats int NOT NULL) ENGINE=InnoDB;
CREATE TABLE bookings(id int AUTO_INCREMENT PRIMARY KEY, event_id int NOT NULL) ENGINE=InnoDB;
INSERT INTO events(id, available_seats) VALUES (1, 3);
