-- Finished matches: the result and the event log, written in one transaction when a match ends, together with
-- the durable jobs (rows of scheduled_tasks) that carry the result into ratings, stats and leaderboards.
CREATE TABLE games (
    id           uuid PRIMARY KEY,
    mode         text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('winner', 'draw', 'abandoned')),
    winner_id    uuid,
    reason       text        NOT NULL,
    final_tick   bigint      NOT NULL,
    owner_node   text        NOT NULL,
    relayed      boolean     NOT NULL DEFAULT false,
    finished_at  timestamptz NOT NULL,
    event_log    jsonb       NOT NULL
);
CREATE INDEX games_finished ON games (finished_at DESC);

-- One row per participant. No foreign key to players: a deleted account must not rewrite other players' history.
CREATE TABLE game_players (
    game_id      uuid        NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    player_id    uuid        NOT NULL,
    place        integer     NOT NULL,
    score        bigint      NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('win', 'loss', 'draw', 'abandoned')),
    finished_at  timestamptz NOT NULL,
    PRIMARY KEY (game_id, player_id)
);
CREATE INDEX game_players_recent ON game_players (player_id, finished_at DESC);

-- Glicko-2 rating per player and mode.
CREATE TABLE ratings (
    player_id    uuid             NOT NULL,
    mode         text             NOT NULL,
    rating       double precision NOT NULL,
    deviation    double precision NOT NULL,
    volatility   double precision NOT NULL,
    games        integer          NOT NULL DEFAULT 0,
    updated_at   timestamptz      NOT NULL,
    PRIMARY KEY (player_id, mode)
);
CREATE INDEX ratings_board ON ratings (mode, rating DESC);

-- Each rating change, one row per game and player: the ratings job's idempotence key and the rating history.
CREATE TABLE rating_changes (
    game_id        uuid             NOT NULL,
    player_id      uuid             NOT NULL,
    mode           text             NOT NULL,
    rating_before  double precision NOT NULL,
    rating_after   double precision NOT NULL,
    deviation_after double precision NOT NULL,
    changed_at     timestamptz      NOT NULL,
    PRIMARY KEY (game_id, player_id)
);

-- Which result steps have been applied to which game: a step that runs twice (retry after a crash) sees its row
-- and changes nothing.
CREATE TABLE result_steps_done (
    game_id  uuid        NOT NULL,
    step     text        NOT NULL,
    done_at  timestamptz NOT NULL,
    PRIMARY KEY (game_id, step)
);

-- db-scheduler's table (its documented PostgreSQL schema, version 16).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
