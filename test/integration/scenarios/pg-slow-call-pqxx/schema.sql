DROP TABLE IF EXISTS orders, products;
CREATE TABLE products(id int PRIMARY KEY, stock int NOT NULL);
CREATE TABLE orders(id int PRIMARY KEY, product int NOT NULL);
INSERT INTO products(id, stock) VALUES (1, 100);
