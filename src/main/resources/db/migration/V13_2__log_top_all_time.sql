-- All-time top players of an event type (GET /analytics/top?period=all) read the per-player, per-type totals that
-- every batch already keeps in log_player_types (same transaction as its checkpoint), walking this index from the
-- largest value sum down: a LIMIT-sized index scan, instead of summing every hourly row of the type.
CREATE INDEX log_player_types_top ON log_player_types (type, value_sum DESC, events DESC, player_id);
