DROP TABLE IF EXISTS bookings, events;
CREATE TABLE events(id int PRIMARY KEY, available_seats int NOT NULL);
CREATE TABLE bookings(id serial PRIMARY KEY, event_id int NOT NULL);
INSERT INTO events(id, available_seats) VALUES (1, 3);
