-- PostgreSQL DDL of the tables the row-identity tests read and write: which
-- WHERE columns are a row's key, and which are conditions on its contents.
CREATE TABLE coupons (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  used boolean NOT NULL DEFAULT false,
  owner_id bigint
);

CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  currency char(3) NOT NULL,
  balance bigint NOT NULL
);

CREATE TABLE rooms (
  hotel_id bigint NOT NULL,
  room_no int NOT NULL,
  floor int NOT NULL,
  state text NOT NULL,
  PRIMARY KEY (hotel_id, room_no)
);
