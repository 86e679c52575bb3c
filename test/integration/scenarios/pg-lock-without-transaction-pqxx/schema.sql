DROP TABLE IF EXISTS redemptions, coupons;
CREATE TABLE coupons(code text PRIMARY KEY, uses_left int NOT NULL);
CREATE TABLE redemptions(id serial PRIMARY KEY, code text NOT NULL, order_id int NOT NULL);
INSERT INTO coupons(code, uses_left) VALUES ('SPRING', 3);
