-- Tournaments (docs/TOURNAMENTS.md, "Service"). Every change of one tournament runs in one transaction that
-- first locks its row (SELECT ... FOR UPDATE), so nodes and retried result jobs never interleave, and bumps
-- `version` by the number of live updates it publishes.
CREATE TABLE tournaments (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL,
    format            text        NOT NULL CHECK (format IN ('single_elimination', 'double_elimination',
                                                             'round_robin', 'swiss')),
    mode              text        NOT NULL,
    max_players       int         NOT NULL CHECK (max_players BETWEEN 2 AND 4096),
    best_of           int         NOT NULL CHECK (best_of >= 1 AND best_of % 2 = 1),
    rounds            int,
    third_place_match boolean     NOT NULL DEFAULT false,
    starts_at         timestamptz NOT NULL,
    check_in_minutes  int         NOT NULL CHECK (check_in_minutes >= 0),
    no_show_minutes   int         NOT NULL CHECK (no_show_minutes >= 1),
    organiser_id      uuid        NOT NULL REFERENCES players (id),
    status            text        NOT NULL CHECK (status IN ('registering', 'checking_in', 'running', 'completed',
                                                             'cancelled')),
    version           bigint      NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    ended_at          timestamptz
);
-- The sweep looks for tournaments whose check-in opens or whose start is due.
CREATE INDEX tournaments_due ON tournaments (starts_at) WHERE status IN ('registering', 'checking_in');
CREATE INDEX tournaments_listing ON tournaments (created_at DESC);

-- Registrations, with the check-in as a column (a player checks in once, and only while registered), and the
-- seed given at the start (NULL before, and for registered players who did not check in).
CREATE TABLE tournament_registrations (
    tournament_id uuid        NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    player_id     uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    registered_at timestamptz NOT NULL,
    checked_in_at timestamptz,
    seed          int,
    PRIMARY KEY (tournament_id, player_id),
    UNIQUE (tournament_id, seed)
);

-- The bracket, one row per pairing: BracketSnapshot stored column by column. `ord` is the pairing's place in
-- Bracket.pairings(), so the stored list restores in the same order. Slots are 'p:<player>', 'w:<pairing>',
-- 'l:<pairing>' or '-' (empty). A transition rewrites only the rows it changed.
CREATE TABLE tournament_pairings (
    tournament_id uuid    NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    pairing_id    text    NOT NULL,
    ord           int     NOT NULL,
    round         int     NOT NULL,
    side          text    NOT NULL CHECK (side IN ('winners', 'losers', 'final')),
    table_no      int     NOT NULL,
    home          text    NOT NULL,
    away          text    NOT NULL,
    state         text    NOT NULL CHECK (state IN ('pending', 'ready', 'bye', 'skipped', 'decided')),
    home_wins     int,
    away_wins     int,
    draws         int,
    walkover      text    CHECK (walkover IN ('home', 'away')),
    outcome       text    CHECK (outcome IN ('home_win', 'away_win', 'draw')),
    PRIMARY KEY (tournament_id, pairing_id)
);

-- Every transition applied to the bracket, in order (by id): results of series and walkovers, and corrections.
-- A result that came from a game names it; the unique key makes a second delivery of that game's result fail
-- instead of advancing the bracket twice.
CREATE TABLE tournament_transitions (
    id            bigserial   PRIMARY KEY,
    tournament_id uuid        NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('result', 'walkover', 'correction')),
    pairing_id    text        NOT NULL,
    result        text        NOT NULL,
    game_id       uuid        UNIQUE,
    created_at    timestamptz NOT NULL
);
-- A tournament's log in order (ids grow; changes of one tournament are serialised by its row lock).
CREATE INDEX tournament_transitions_tournament ON tournament_transitions (tournament_id, id);

-- Pairing <-> game. One row per game of a series. `outcome` NULL while open; set exactly once (the result step
-- updates WHERE outcome IS NULL, so a duplicate delivery finds nothing to do). `deadline` is the no-show limit,
-- NULL once both players sat down; kept here so it survives restarts.
CREATE TABLE tournament_games (
    game_id       uuid        PRIMARY KEY,
    tournament_id uuid        NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    pairing_id    text        NOT NULL,
    game_no       int         NOT NULL,
    node          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    deadline      timestamptz,
    outcome       text        CHECK (outcome IN ('home', 'away', 'draw', 'void', 'walkover', 'reset')),
    settled_at    timestamptz
);
CREATE INDEX tournament_games_pairing ON tournament_games (tournament_id, pairing_id, game_no);
CREATE INDEX tournament_games_deadline ON tournament_games (deadline) WHERE outcome IS NULL;
CREATE INDEX tournament_games_open ON tournament_games (node) WHERE outcome IS NULL;

-- Organisers' corrections: what was replaced by what, and which pairings lost their result because of it.
CREATE TABLE tournament_corrections (
    id            bigserial   PRIMARY KEY,
    tournament_id uuid        NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    pairing_id    text        NOT NULL,
    previous      text        NOT NULL,
    corrected     text        NOT NULL,
    reset         text[]      NOT NULL,
    reason        text,
    corrected_by  uuid        REFERENCES players (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX tournament_corrections_tournament ON tournament_corrections (tournament_id, id);
