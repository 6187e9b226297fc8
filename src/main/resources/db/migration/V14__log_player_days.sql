-- Per player, type and UTC day (docs/LOGS.md): GET /analytics/top for 7d and 30d sums one row per player and
-- day instead of 24 hourly ones (plus the hourly rows of the period's first, partial day), and a player's days
-- are read as they are stored. Kept by every batch in the same transaction as the other rollups and its
-- checkpoint (exactly once); filled here from the hourly rollup for what was ingested before.
CREATE TABLE log_player_days (
    player_id  text             NOT NULL,
    type       text             NOT NULL,
    day        timestamptz      NOT NULL,
    events     bigint           NOT NULL,
    value_sum  double precision NOT NULL,
    PRIMARY KEY (player_id, type, day)
);
-- The top of a period reads only this index (type and day range, the sums included): an index-only scan.
CREATE INDEX log_player_days_top ON log_player_days (type, day) INCLUDE (player_id, events, value_sum);

INSERT INTO log_player_days (player_id, type, day, events, value_sum)
SELECT player_id, type, date_trunc('day', hour, 'UTC'), sum(events), sum(value_sum)
FROM log_player_hours
GROUP BY 1, 2, 3;
