-- V004__survey_read_side.sql
--
-- The survey index becomes the read side of survey records (lists and counts never wake dataset
-- grains), and gains what keeps it honest:
--
-- census_survey_document: the record itself (JSON), its rubric levels with reasons (JSON) and its
--   author, one row per (round, dataset), written with the index row under the same revision guard.
--   A list page of SurveyResponse reads it joined to the index row (revision, updated_at, withdrawn);
--   the score is weighed from the stored levels under the round's current rubric. It is a table of
--   its own so a ranking's shard scan never reads record text.
-- census_survey_count: records not withdrawn per (round, institution), moved by the upsert itself
--   (create +1, withdraw -1, a put after a withdraw +1), so counts are reads, not count(*).
-- census_survey_gate: one row per round; an upsert locks it FOR SHARE and proceeds only while
--   closed is false, closing the round updates it (waiting for upserts in flight), so no write lands
--   after a close answered.
-- census_survey_intent: a dataset whose grain state may be ahead of its index row: written before the
--   state write, deleted by the upsert that catches up. A sweeper on the silos asks the dataset grains
--   of old intents to repair, so a write whose silo died between the two is indexed without a retry.

CREATE TABLE IF NOT EXISTS census_survey_document
(
    round_id        text    NOT NULL,
    institution_id  text    NOT NULL,
    dataset_id      text    NOT NULL,
    revision        integer NOT NULL,
    updated_by      text    NOT NULL,
    record          text    NOT NULL,
    levels          text    NOT NULL,
    PRIMARY KEY (round_id, institution_id, dataset_id)
);

CREATE TABLE IF NOT EXISTS census_survey_count
(
    round_id        text   NOT NULL,
    institution_id  text   NOT NULL,
    records         bigint NOT NULL,
    PRIMARY KEY (round_id, institution_id)
);

CREATE TABLE IF NOT EXISTS census_survey_gate
(
    round_id  text    NOT NULL PRIMARY KEY,
    closed    boolean NOT NULL
);

CREATE TABLE IF NOT EXISTS census_survey_intent
(
    round_id        text        NOT NULL,
    institution_id  text        NOT NULL,
    dataset_id      text        NOT NULL,
    revision        integer     NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (round_id, institution_id, dataset_id)
);

CREATE INDEX IF NOT EXISTS census_survey_intent_recorded ON census_survey_intent (recorded_at);

-- Counters start from what the index holds now.
INSERT INTO census_survey_count (round_id, institution_id, records)
SELECT round_id, institution_id, count(*) FROM census_survey_index WHERE NOT withdrawn GROUP BY round_id, institution_id
ON CONFLICT (round_id, institution_id) DO NOTHING;

-- Rows indexed before this version have no document: an intent each lets the sweeper have their
-- grains write it (the repair's document upsert fills a missing document even when the row is current).
INSERT INTO census_survey_intent (round_id, institution_id, dataset_id, revision, recorded_at)
SELECT round_id, institution_id, dataset_id, revision, '-infinity'::timestamptz FROM census_survey_index
ON CONFLICT (round_id, institution_id, dataset_id) DO NOTHING;
