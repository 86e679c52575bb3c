-- PostgreSQL DDL of the shop the schema tests use.
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text
);

CREATE TABLE bookings (
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL,
  seat_no int NOT NULL,
  user_id bigint NOT NULL
);
CREATE UNIQUE INDEX bookings_seat ON bookings (event_id, seat_no);
-- Partial: unique only among active rows, so it proves nothing in general.
CREATE UNIQUE INDEX bookings_active ON bookings (user_id) WHERE cancelled_at IS NULL;

CREATE TABLE tags (id serial, label text);
ALTER TABLE tags ADD CONSTRAINT tags_label UNIQUE (label);
