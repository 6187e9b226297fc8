-- Results a node could not store (bad data, or the database unreachable through every attempt): kept so that
-- GET /admin/jobs lists them as failed instead of the only record being an error log line. retry holds the
-- stored form and its step names as JSON text, enough to store the result by hand once the cause is mended.
CREATE TABLE unstored_results (
    match_id   uuid        NOT NULL,
    mode       text        NOT NULL,
    node       text        NOT NULL,
    error      text        NOT NULL CHECK (length(error) <= 500),
    result     text        NOT NULL,
    retry      text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX unstored_results_created ON unstored_results (created_at DESC);
