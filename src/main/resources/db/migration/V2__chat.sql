-- Chat history. A room is a gateway room name ("lobby", "chat:lobby", "game:42") or a direct-message room
-- "dm:<smaller player id>:<larger player id>". Append-only; sender_id has no foreign key on purpose: history
-- outlives accounts, and the hot insert path touches only the primary key and the paging index.
CREATE TABLE chat_messages (
    id            bigserial   PRIMARY KEY,
    room          text        NOT NULL,
    sender_id     uuid        NOT NULL,
    display_name  text        NOT NULL,
    message       text        NOT NULL,
    created_at    timestamptz NOT NULL
);
-- A history page is "the newest N messages of a room below an id": one backward range scan of this index.
CREATE INDEX chat_messages_room_id ON chat_messages (room, id DESC);

-- Timed mutes. room NULL = every room and direct messages. A mute is in force while lifted_at is NULL and
-- until is in the future; rows are kept after they end, as the moderation record.
CREATE TABLE chat_mutes (
    id          bigserial   PRIMARY KEY,
    player_id   uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    room        text,
    until       timestamptz NOT NULL,
    reason      text        NOT NULL,
    muted_by    uuid        REFERENCES players (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    lifted_at   timestamptz,
    lifted_by   uuid        REFERENCES players (id) ON DELETE SET NULL,
    CHECK (until > created_at)
);
-- At most one open mute per player and room (a new one ends the old); also the per-player lookup.
CREATE UNIQUE INDEX chat_mutes_open ON chat_mutes (player_id, coalesce(room, '')) WHERE lifted_at IS NULL;
-- Start-up loads every mute still in force.
CREATE INDEX chat_mutes_open_until ON chat_mutes (until) WHERE lifted_at IS NULL;

-- Bans: no chat at all until lifted. Kept after lifting, as the moderation record.
CREATE TABLE chat_bans (
    id          bigserial   PRIMARY KEY,
    player_id   uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    reason      text        NOT NULL,
    banned_by   uuid        REFERENCES players (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    lifted_at   timestamptz,
    lifted_by   uuid        REFERENCES players (id) ON DELETE SET NULL
);
-- At most one ban in force per player; also the lookup and the start-up load.
CREATE UNIQUE INDEX chat_bans_open ON chat_bans (player_id) WHERE lifted_at IS NULL;
