DROP TABLE IF EXISTS claims;
CREATE TABLE claims(id serial PRIMARY KEY, customer int NOT NULL, code text NOT NULL);
