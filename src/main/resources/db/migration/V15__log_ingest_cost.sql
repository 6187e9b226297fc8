-- Cheaper game-log ingest (docs/LOGS.md#tuning, docs/BENCHMARKS.md "PostgreSQL's share"): measured on 800,000
-- events, PostgreSQL spent about a quarter of its CPU on the raw COPY and the rest on the rollup merges, most of it
-- keeping indexes that a batch's rows enter or update. Durability is unchanged: every table stays logged.

-- Raw events arrive in time order, so a block-range index finds a time range as well as the btree did for the
-- export (a bitmap scan of the days' blocks, then a sort), at a fraction of the btree's upkeep per row and WAL.
DROP INDEX log_events_ts;
CREATE INDEX log_events_ts ON log_events USING brin (ts);

-- Hourly rows are only read per type and time range (the partial first day of GET /analytics/top): the key in
-- that order serves the read itself, so the second index (type, hour) goes. Batches merge in this key's order.
ALTER TABLE log_player_hours DROP CONSTRAINT log_player_hours_pkey;
DROP INDEX log_player_hours_top;
ALTER TABLE log_player_hours ADD PRIMARY KEY (type, hour, player_id);

-- Every batch updates the totals of each player and type it saw. With the sums outside every index and room left
-- in each page, such an update is a heap-only (HOT) one: no index entry, a fraction of the WAL. The all-time top
-- then reads the type's rows (one per player) by this index and keeps the best: bounded by players, not events.
DROP INDEX log_player_types_top;
CREATE INDEX log_player_types_type ON log_player_types (type);
ALTER TABLE log_player_types SET (fillfactor = 50);
-- the same for the per-game totals (their sums are in no index either)
ALTER TABLE log_game_players SET (fillfactor = 70);
ALTER TABLE log_games SET (fillfactor = 70);
