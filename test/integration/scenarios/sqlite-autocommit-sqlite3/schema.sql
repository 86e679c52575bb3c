-- WAL: readers do not wait for the writer, as in most SQLite servers' setups.
PRAGMA journal_mode=WAL;
DROP TABLE IF EXISTS bookings;
DROP TABLE IF EXISTS events;
CREATE TABLE events(id INTEGER PRIMARY KEY, available_seats INTEGER NOT NULL);
CREATE TABLE bookings(id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL);
INSERT INTO events(id, available_seats) VALUES (1, 3);
