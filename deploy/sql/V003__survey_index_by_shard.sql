-- V003__survey_index_by_shard.sql
--
-- The survey index partitioned by shard. A ranking shard reads its slice with
-- WHERE round_id = … AND shard = …; the records of one shard are spread over the whole table, so
-- without partitions every shard's read visits nearly every page (64 shards: 64 passes over the
-- table). With one partition per shard a ranking reads the table about once.
--
-- Shards 0..62 have a partition each, higher shard numbers (rounds with more than 64 shards) share
-- the last. The key gains the shard column, as PostgreSQL requires of a partitioned table's key; a
-- row's shard is a function of its ids and the round's fixed shard count, so the key still
-- identifies one row per (round, institution, dataset). Lookups by ids alone probe every
-- partition's key index.

ALTER TABLE census_survey_index RENAME TO census_survey_index_v002;
ALTER TABLE census_survey_index_v002 RENAME CONSTRAINT census_survey_index_pkey TO census_survey_index_v002_pkey;
ALTER INDEX census_survey_index_shard RENAME TO census_survey_index_v002_shard;

CREATE TABLE census_survey_index
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
    PRIMARY KEY (round_id, institution_id, dataset_id, shard)
) PARTITION BY RANGE (shard);

DO $$
BEGIN
    FOR i IN 0..62 LOOP
        EXECUTE format('CREATE TABLE census_survey_index_s%s PARTITION OF census_survey_index FOR VALUES FROM (%s) TO (%s)', i, i, i + 1);
    END LOOP;
END
$$;
CREATE TABLE census_survey_index_s63 PARTITION OF census_survey_index FOR VALUES FROM (63) TO (MAXVALUE);

CREATE INDEX census_survey_index_shard ON census_survey_index (round_id, shard);

INSERT INTO census_survey_index SELECT * FROM census_survey_index_v002;
DROP TABLE census_survey_index_v002;
