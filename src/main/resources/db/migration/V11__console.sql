-- The console (docs/CONSOLE.md): rollups that keep the dashboard's player statistics fast at a million players and
-- ten million results, the read-only viewer role, and the audit log of console actions.

-- The day a player was last active (signed in or finished a game), kept on the player row: "active in the last
-- 7 days" is then one index range count instead of a DISTINCT over a week of events.
ALTER TABLE players ADD COLUMN active_on date;
CREATE INDEX players_active_on ON players (active_on);
-- "new players today / this week" is a range count on this index (new players are few, so the range is short).
CREATE INDEX players_created_at ON players (created_at);
-- Console player search by name prefix ("ali" finds "Alice"); the existing unique index cannot serve LIKE.
CREATE INDEX players_username_prefix ON players (lower(username) text_pattern_ops) WHERE username IS NOT NULL;

-- Counters per UTC day, bumped when a player becomes active for the first time that day (on login, and when a
-- result lands): DAU is one row read.
CREATE TABLE console_daily (
    day             date    PRIMARY KEY,
    active_players  integer NOT NULL DEFAULT 0
);

-- Games finished per mode and UTC hour, counted once per game by the "console" result step.
CREATE TABLE console_games_hourly (
    hour   timestamptz NOT NULL,
    mode   text        NOT NULL,
    games  integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, mode)
);

-- Rating changes of one player in one mode over a time range, without reading other players' history.
CREATE INDEX rating_changes_player_mode ON rating_changes (player_id, mode, changed_at);

-- The read-only console role.
ALTER TABLE players DROP CONSTRAINT players_role_check;
ALTER TABLE players ADD CONSTRAINT players_role_check CHECK (role IN ('player', 'viewer', 'moderator', 'admin'));

-- Every console action: who, what, on what, when and why. Never updated or deleted by the server.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid        NOT NULL,
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    reason      text        NOT NULL,
    detail      jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target ON audit_log (target, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id DESC);
