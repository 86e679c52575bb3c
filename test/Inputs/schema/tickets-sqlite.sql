-- SQLite DDL of the ticket tables the SQLite row-identity test reads.
CREATE TABLE IF NOT EXISTS `tickets` (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL,
  claimed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (code) ON CONFLICT ABORT
);
