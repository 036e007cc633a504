-- V005__dataset_commit.sql
--
-- A dataset write commits the dataset grain's state and its survey-index row (with document and
-- counter) in one transaction and one round trip: census_commit_dataset, called once per write.
-- Nothing can fall between state and row any more, so the write path records no intent; the intent
-- table and its sweeper stay for rows written before this version.
--
-- census_dataset_state: the dataset grain's state (all rounds of one dataset), in the Orleans binary
--   format, keyed by the grain's key "institution/dataset", with a version the grain expects: a write
--   names the version it read (0: none yet), so two activations of one dataset (possible for a moment
--   while membership changes) cannot overwrite each other. States written before this version stay in
--   orleans_storage (JSON) and are read from there once, on the dataset's first activation after the
--   upgrade, until their next write moves them here.

CREATE TABLE IF NOT EXISTS census_dataset_state
(
    grain_key   text        NOT NULL PRIMARY KEY,
    version     integer     NOT NULL,
    payload     bytea       NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- A state is 2–3 KB: above the TOAST threshold, so PostgreSQL compresses it on every write. lz4 costs a
-- fraction of the default pglz's CPU for about the same size here (where the server was built with it).
DO $$
BEGIN
    ALTER TABLE census_dataset_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END
$$;

-- The close gate without tuple locks: a write holds its round's advisory lock shared until it commits;
-- closing takes it exclusive (waiting for writes in flight, and keeping later ones waiting until the gate
-- says closed), then updates the gate row (which also waits for the FOR SHARE readers of V004's upsert,
-- still used by repairs). Shared advisory locks live in the lock manager only: FOR SHARE on one gate row
-- by many concurrent writers made a multixact for each, in the table and the WAL.
CREATE OR REPLACE FUNCTION census_round_lock_key(p_round text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT hashtext('census_survey_gate:' || p_round) $$;

-- Outcome: 0 committed (version: the new one), 1 version conflict (version and payload: what is
-- stored; payload null and version 0 when nothing is), 2 the round is closed (nothing stored).
-- The levels are the ten levels now then the ten after processing. A null record writes no document.
CREATE OR REPLACE FUNCTION census_commit_dataset(
    p_key              text,
    p_expected         integer,
    p_payload          bytea,
    p_round            text,
    p_institution      text,
    p_dataset          text,
    p_shard            smallint,
    p_revision         integer,
    p_withdrawn        boolean,
    p_sector           text,
    p_modality         text,
    p_availability     text,
    p_eligible         boolean,
    p_failed_gates     smallint,
    p_levels           smallint[],
    p_updated_at       timestamptz,
    p_updated_by       text,
    p_record           text,
    p_levels_document  text)
RETURNS TABLE (outcome smallint, version integer, payload bytea)
LANGUAGE plpgsql
AS $$
DECLARE
    v_closed   boolean;
    v_version  integer;
    v_before   boolean;
    v_applied  integer;
    v_delta    integer;
BEGIN
    -- The round's gate, held shared until commit: a close waits for this write, and a write after the
    -- close sees it closed.
    PERFORM pg_advisory_xact_lock_shared(census_round_lock_key(p_round));
    SELECT g.closed INTO v_closed FROM census_survey_gate g WHERE g.round_id = p_round;
    IF NOT FOUND THEN
        INSERT INTO census_survey_gate (round_id, closed) VALUES (p_round, false) ON CONFLICT (round_id) DO NOTHING;
        v_closed := false;
    END IF;
    IF v_closed THEN
        RETURN QUERY SELECT 2::smallint, 0, NULL::bytea;
        RETURN;
    END IF;

    -- The state, under the version the grain read.
    IF p_expected = 0 THEN
        INSERT INTO census_dataset_state AS s (grain_key, version, payload, updated_at)
        VALUES (p_key, 1, p_payload, p_updated_at)
        ON CONFLICT (grain_key) DO NOTHING
        RETURNING s.version INTO v_version;
    ELSE
        UPDATE census_dataset_state AS s SET version = s.version + 1, payload = p_payload, updated_at = p_updated_at
        WHERE s.grain_key = p_key AND s.version = p_expected
        RETURNING s.version INTO v_version;
    END IF;
    IF v_version IS NULL THEN
        RETURN QUERY SELECT 1::smallint, coalesce(max(s.version), 0), (array_agg(s.payload))[1]
            FROM census_dataset_state s WHERE s.grain_key = p_key;
        RETURN;
    END IF;

    -- The index row, in its shard's partition, only moving forward by revision; the counter moves when
    -- the row turns live or withdrawn; the document beside it under the same revision guard. No row lock
    -- is needed to read the row before: the state row, locked above, orders every write of this dataset.
    SELECT i.withdrawn INTO v_before FROM census_survey_index i
    WHERE i.round_id = p_round AND i.shard = p_shard AND i.institution_id = p_institution AND i.dataset_id = p_dataset;

    INSERT INTO census_survey_index AS i (round_id, institution_id, dataset_id, shard, revision, withdrawn, sector, modality,
        availability_now, eligible, failed_gates,
        n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, updated_at)
    VALUES (p_round, p_institution, p_dataset, p_shard, p_revision, p_withdrawn, p_sector, p_modality,
        p_availability, p_eligible, p_failed_gates,
        p_levels[1], p_levels[2], p_levels[3], p_levels[4], p_levels[5], p_levels[6], p_levels[7], p_levels[8], p_levels[9], p_levels[10],
        p_levels[11], p_levels[12], p_levels[13], p_levels[14], p_levels[15], p_levels[16], p_levels[17], p_levels[18], p_levels[19], p_levels[20],
        p_updated_at)
    ON CONFLICT (round_id, institution_id, dataset_id, shard) DO UPDATE SET
        revision = excluded.revision, withdrawn = excluded.withdrawn, sector = excluded.sector, modality = excluded.modality,
        availability_now = excluded.availability_now, eligible = excluded.eligible, failed_gates = excluded.failed_gates,
        n1 = excluded.n1, n2 = excluded.n2, n3 = excluded.n3, n4 = excluded.n4, n5 = excluded.n5,
        n6 = excluded.n6, n7 = excluded.n7, n8 = excluded.n8, n9 = excluded.n9, n10 = excluded.n10,
        p1 = excluded.p1, p2 = excluded.p2, p3 = excluded.p3, p4 = excluded.p4, p5 = excluded.p5,
        p6 = excluded.p6, p7 = excluded.p7, p8 = excluded.p8, p9 = excluded.p9, p10 = excluded.p10,
        updated_at = excluded.updated_at
    WHERE i.revision < excluded.revision;
    GET DIAGNOSTICS v_applied = ROW_COUNT;

    v_delta := (CASE WHEN p_withdrawn THEN 0 ELSE 1 END) - (CASE WHEN v_before IS NOT NULL AND NOT v_before THEN 1 ELSE 0 END);
    IF v_applied > 0 AND v_delta <> 0 THEN
        INSERT INTO census_survey_count AS c (round_id, institution_id, records) VALUES (p_round, p_institution, v_delta)
        ON CONFLICT (round_id, institution_id) DO UPDATE SET records = c.records + excluded.records;
    END IF;

    IF p_record IS NOT NULL THEN
        INSERT INTO census_survey_document AS d (round_id, institution_id, dataset_id, revision, updated_by, record, levels)
        VALUES (p_round, p_institution, p_dataset, p_revision, p_updated_by, p_record, p_levels_document)
        ON CONFLICT (round_id, institution_id, dataset_id) DO UPDATE SET revision = excluded.revision,
            updated_by = excluded.updated_by, record = excluded.record, levels = excluded.levels
        WHERE d.revision < excluded.revision;
    END IF;

    RETURN QUERY SELECT 0::smallint, v_version, NULL::bytea;
END;
$$;
