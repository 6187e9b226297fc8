-- Who reported a relayed game's result (null when the server's rules decided it).
ALTER TABLE games ADD COLUMN reported_by uuid;

-- Event logs written by the first version of V3 were JSON strings holding the JSON; store them as the objects.
UPDATE games SET event_log = (event_log #>> '{}')::jsonb WHERE jsonb_typeof(event_log) = 'string';

-- Players of abandoned matches are recorded too (outcome 'abandoned', place 0), so their history shows them.
ALTER TABLE game_players ADD CONSTRAINT game_players_place CHECK (place >= 1 OR outcome = 'abandoned');
