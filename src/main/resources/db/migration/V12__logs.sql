-- Game-log streaming (docs/LOGS.md): ingest jobs with their checkpoints, raw events partitioned by day, and the
-- rollups the analytics API reads. A batch's raw rows, its rollup deltas, its bad-line samples and the job's new
-- checkpoint are written in one transaction, so a checkpoint always says exactly what has been counted.

-- A service account that may only ingest logs (besides what a player may do).
ALTER TABLE players DROP CONSTRAINT players_role_check;
ALTER TABLE players ADD CONSTRAINT players_role_check CHECK (role IN ('player', 'viewer', 'moderator', 'admin', 'ingest'));

CREATE TABLE log_jobs (
    id               uuid PRIMARY KEY,
    idempotency_key  text UNIQUE,
    source           text             NOT NULL,
    created_by       uuid,
    status           text             NOT NULL CHECK (status IN ('running', 'interrupted', 'done', 'failed')),
    raw              boolean          NOT NULL,
    committed_offset bigint           NOT NULL DEFAULT 0,
    lines            bigint           NOT NULL DEFAULT 0,
    events           bigint           NOT NULL DEFAULT 0,
    bad_lines        bigint           NOT NULL DEFAULT 0,
    total_bytes      bigint,
    seconds          double precision NOT NULL DEFAULT 0,
    error            text,
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL,
    finished_at      timestamptz
);
CREATE INDEX log_jobs_recent ON log_jobs (created_at DESC);

-- The first 1,000 bad lines of each job.
CREATE TABLE log_bad_lines (
    job_id  uuid   NOT NULL REFERENCES log_jobs (id) ON DELETE CASCADE,
    line    bigint NOT NULL,
    reason  text   NOT NULL,
    PRIMARY KEY (job_id, line)
);

-- Raw events, one partition per UTC day (log_events_yyyymmdd), created when a batch first needs it and dropped
-- whole by retention. (job_id, line) says where each came from.
CREATE TABLE log_events (
    ts         timestamptz      NOT NULL,
    game_id    text             NOT NULL,
    mode       text             NOT NULL,
    player_id  text             NOT NULL,
    type       text             NOT NULL,
    value      double precision NOT NULL,
    data       jsonb,
    job_id     uuid             NOT NULL,
    line       bigint           NOT NULL
) PARTITION BY RANGE (ts);
CREATE INDEX log_events_ts ON log_events (ts);

-- Rollups. Values are summed as double precision (exact for whole numbers up to 2^53).
CREATE TABLE log_player_types (
    player_id  text             NOT NULL,
    type       text             NOT NULL,
    events     bigint           NOT NULL,
    value_sum  double precision NOT NULL,
    first_seen timestamptz      NOT NULL,
    last_seen  timestamptz      NOT NULL,
    PRIMARY KEY (player_id, type)
);

-- Per player, type and hour: a player's days, and the top players of a period.
CREATE TABLE log_player_hours (
    player_id  text             NOT NULL,
    type       text             NOT NULL,
    hour       timestamptz      NOT NULL,
    events     bigint           NOT NULL,
    value_sum  double precision NOT NULL,
    PRIMARY KEY (player_id, type, hour)
);
CREATE INDEX log_player_hours_top ON log_player_hours (type, hour);

CREATE TABLE log_mode_hours (
    mode       text             NOT NULL,
    hour       timestamptz      NOT NULL,
    type       text             NOT NULL,
    events     bigint           NOT NULL,
    value_sum  double precision NOT NULL,
    PRIMARY KEY (mode, hour, type)
);
CREATE INDEX log_mode_hours_time ON log_mode_hours (hour);

CREATE TABLE log_games (
    game_id    text        PRIMARY KEY,
    mode       text        NOT NULL,
    events     bigint      NOT NULL,
    first_ts   timestamptz NOT NULL,
    last_ts    timestamptz NOT NULL
);

CREATE TABLE log_game_players (
    game_id    text             NOT NULL,
    player_id  text             NOT NULL,
    events     bigint           NOT NULL,
    value_sum  double precision NOT NULL,
    PRIMARY KEY (game_id, player_id)
);
CREATE INDEX log_game_players_player ON log_game_players (player_id);
