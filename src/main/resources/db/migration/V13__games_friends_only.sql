-- Whether a stored game is shown only to its players: a private game a player made (joined by its join code).
-- Games stored before this column existed stay hidden, as they were; every game stored since says which it is,
-- so a public game's replay is a public read (docs/SECURITY.md).
ALTER TABLE games ADD COLUMN friends_only boolean NOT NULL DEFAULT true;
