-- Player search by the start of a display name (GET /players?name=): lower-cased names in byte order (C
-- collation), so a prefix is one index range whatever the database's locale; the id orders equal names for paging.
CREATE INDEX players_name_prefix ON players ((lower(display_name) COLLATE "C"), id);
