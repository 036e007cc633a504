-- V002__survey_index.sql
--
-- The survey index: one compact row per (round, dataset), written by the dataset grain (an upsert
-- guarded by revision) before it acknowledges a write. Rankings and reports read it with plain SQL;
-- a ranking shard reads its slice by (round_id, shard).
--
-- n1..n10 are the rubric levels of C1..C10 as the data is now, p1..p10 after the declared
-- processing. Levels do not depend on weights, so the score under any rubric version of a round is
-- sum(weight_i * level_i) / 4 over these columns. failed_gates is a bit set: 1 = G1, 2 = G2, 4 = G3.

CREATE TABLE IF NOT EXISTS census_survey_index
(
    round_id          text        NOT NULL,
    institution_id    text        NOT NULL,
    dataset_id        text        NOT NULL,
    shard             smallint    NOT NULL,
    revision          integer     NOT NULL,
    withdrawn         boolean     NOT NULL,
    sector            text        NOT NULL,
    modality          text        NOT NULL,
    availability_now  text        NOT NULL,
    eligible          boolean     NOT NULL,
    failed_gates      smallint    NOT NULL,
    n1 smallint NOT NULL, n2 smallint NOT NULL, n3 smallint NOT NULL, n4 smallint NOT NULL, n5 smallint NOT NULL,
    n6 smallint NOT NULL, n7 smallint NOT NULL, n8 smallint NOT NULL, n9 smallint NOT NULL, n10 smallint NOT NULL,
    p1 smallint NOT NULL, p2 smallint NOT NULL, p3 smallint NOT NULL, p4 smallint NOT NULL, p5 smallint NOT NULL,
    p6 smallint NOT NULL, p7 smallint NOT NULL, p8 smallint NOT NULL, p9 smallint NOT NULL, p10 smallint NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (round_id, institution_id, dataset_id)
);

CREATE INDEX IF NOT EXISTS census_survey_index_shard ON census_survey_index (round_id, shard);
