DROP TABLE IF EXISTS ledger, accounts;
CREATE TABLE accounts(id int PRIMARY KEY, balance int NOT NULL);
CREATE TABLE ledger(id serial PRIMARY KEY, account int NOT NULL, amount int NOT NULL);
INSERT INTO accounts(id, balance) VALUES (1, 100);
