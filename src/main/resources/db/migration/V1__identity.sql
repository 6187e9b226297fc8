-- Accounts: registered players (username + password) and guests (device id).
CREATE TABLE players (
    id             uuid PRIMARY KEY,
    username       text,
    display_name   text        NOT NULL,
    password_hash  text,
    device_id      text,
    role           text        NOT NULL DEFAULT 'player' CHECK (role IN ('player', 'moderator', 'admin')),
    is_guest       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    last_login_at  timestamptz,
    CHECK (is_guest OR (username IS NOT NULL AND password_hash IS NOT NULL)),
    CHECK (NOT is_guest OR device_id IS NOT NULL)
);
-- Usernames are unique regardless of case ("Alice" and "alice" are one account).
CREATE UNIQUE INDEX players_username_lower ON players (lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX players_device_id ON players (device_id) WHERE device_id IS NOT NULL;

-- One row per login: access tokens name their session, so logout (revoked_at) stops them at once.
-- Only a SHA-256 of the refresh token is kept.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    player_id     uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    refresh_hash  bytea       NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX sessions_player ON sessions (player_id);

-- Per-player aggregates; the match pipeline fills them as results land.
CREATE TABLE player_stats (
    player_id     uuid PRIMARY KEY REFERENCES players (id) ON DELETE CASCADE,
    games_played  integer NOT NULL DEFAULT 0,
    wins          integer NOT NULL DEFAULT 0,
    losses        integer NOT NULL DEFAULT 0,
    draws         integer NOT NULL DEFAULT 0,
    xp            bigint  NOT NULL DEFAULT 0
);
