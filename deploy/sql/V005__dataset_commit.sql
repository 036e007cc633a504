-- V005__dataset_commit.sql
--
-- A dataset write commits the dataset grain's state and its survey-index row (with document and
-- counter) in one transaction and one round trip: census_commit_datasets, which takes the writes a
-- silo has waiting at that moment together.
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

-- Commits a batch of dataset writes (a silo gathers the writes waiting at the same moment into one call:
-- one round trip and one transaction for all of them). Each write stores the dataset grain's next state
-- under the version it read, and its index row, document and counter, or nothing at all:
--   outcome 0 committed (version: the new one), 1 version conflict (version and payload: what is stored;
--   version 0 and payload null when nothing is), 2 the round is closed.
-- Arrays are parallel, one element per write, in the order the caller sorted them (by grain key); p_levels
-- holds 20 levels per write (ten now, ten after processing). A null record writes no document.
-- Locks are taken in one order by every batch, so batches cannot deadlock: the rounds' advisory locks
-- (sorted by round), then per write its state row and index row (writes sorted by key), then the
-- counters, summed per (round, institution) and moved in that order at the end.
CREATE OR REPLACE FUNCTION census_commit_datasets(
    p_keys             text[],
    p_expected         integer[],
    p_payloads         bytea[],
    p_rounds           text[],
    p_institutions     text[],
    p_datasets         text[],
    p_shards           smallint[],
    p_revisions        integer[],
    p_withdrawn        boolean[],
    p_sectors          text[],
    p_modalities       text[],
    p_availability     text[],
    p_eligible         boolean[],
    p_failed_gates     smallint[],
    p_levels           smallint[],
    p_updated_at       timestamptz[],
    p_updated_by       text[],
    p_records          text[],
    p_levels_documents text[])
RETURNS TABLE (ordinal integer, outcome smallint, version integer, payload bytea)
LANGUAGE plpgsql
AS $$
DECLARE
    v_round        text;
    v_closed       text[] := '{}';
    v_is_closed    boolean;
    v_version      integer;
    v_before       boolean;
    v_applied      integer;
    v_delta        integer;
    v_count_round  text[] := '{}';
    v_count_inst   text[] := '{}';
    v_count_delta  integer[] := '{}';
    b              integer;
    i              integer;
BEGIN
    -- The rounds' gates, held shared until commit: a close waits for this batch, and a write after the
    -- close sees it closed.
    FOR v_round IN SELECT DISTINCT r FROM unnest(p_rounds) AS r ORDER BY r LOOP
        PERFORM pg_advisory_xact_lock_shared(census_round_lock_key(v_round));
        SELECT g.closed INTO v_is_closed FROM census_survey_gate g WHERE g.round_id = v_round;
        IF NOT FOUND THEN
            INSERT INTO census_survey_gate (round_id, closed) VALUES (v_round, false) ON CONFLICT (round_id) DO NOTHING;
            v_is_closed := false;
        END IF;
        IF v_is_closed THEN
            v_closed := v_closed || v_round;
        END IF;
    END LOOP;

    FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
        IF p_rounds[i] = ANY (v_closed) THEN
            RETURN QUERY SELECT i, 2::smallint, 0, NULL::bytea;
            CONTINUE;
        END IF;

        -- The state, under the version the grain read.
        v_version := NULL;
        IF p_expected[i] = 0 THEN
            INSERT INTO census_dataset_state AS s (grain_key, version, payload, updated_at)
            VALUES (p_keys[i], 1, p_payloads[i], p_updated_at[i])
            ON CONFLICT (grain_key) DO NOTHING
            RETURNING s.version INTO v_version;
        ELSE
            UPDATE census_dataset_state AS s SET version = s.version + 1, payload = p_payloads[i], updated_at = p_updated_at[i]
            WHERE s.grain_key = p_keys[i] AND s.version = p_expected[i]
            RETURNING s.version INTO v_version;
        END IF;
        IF v_version IS NULL THEN
            RETURN QUERY SELECT i, 1::smallint, coalesce(max(s.version), 0), (array_agg(s.payload))[1]
                FROM census_dataset_state s WHERE s.grain_key = p_keys[i];
            CONTINUE;
        END IF;

        -- The index row, in its shard's partition, only moving forward by revision; the document beside it
        -- under the same revision guard. No row lock is needed to read the row before: the state row, locked
        -- above, orders every write of this dataset.
        SELECT x.withdrawn INTO v_before FROM census_survey_index x
        WHERE x.round_id = p_rounds[i] AND x.shard = p_shards[i] AND x.institution_id = p_institutions[i] AND x.dataset_id = p_datasets[i];
        b := (i - 1) * 20;
        INSERT INTO census_survey_index AS x (round_id, institution_id, dataset_id, shard, revision, withdrawn, sector, modality,
            availability_now, eligible, failed_gates,
            n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, updated_at)
        VALUES (p_rounds[i], p_institutions[i], p_datasets[i], p_shards[i], p_revisions[i], p_withdrawn[i], p_sectors[i], p_modalities[i],
            p_availability[i], p_eligible[i], p_failed_gates[i],
            p_levels[b + 1], p_levels[b + 2], p_levels[b + 3], p_levels[b + 4], p_levels[b + 5],
            p_levels[b + 6], p_levels[b + 7], p_levels[b + 8], p_levels[b + 9], p_levels[b + 10],
            p_levels[b + 11], p_levels[b + 12], p_levels[b + 13], p_levels[b + 14], p_levels[b + 15],
            p_levels[b + 16], p_levels[b + 17], p_levels[b + 18], p_levels[b + 19], p_levels[b + 20],
            p_updated_at[i])
        ON CONFLICT (round_id, institution_id, dataset_id, shard) DO UPDATE SET
            revision = excluded.revision, withdrawn = excluded.withdrawn, sector = excluded.sector, modality = excluded.modality,
            availability_now = excluded.availability_now, eligible = excluded.eligible, failed_gates = excluded.failed_gates,
            n1 = excluded.n1, n2 = excluded.n2, n3 = excluded.n3, n4 = excluded.n4, n5 = excluded.n5,
            n6 = excluded.n6, n7 = excluded.n7, n8 = excluded.n8, n9 = excluded.n9, n10 = excluded.n10,
            p1 = excluded.p1, p2 = excluded.p2, p3 = excluded.p3, p4 = excluded.p4, p5 = excluded.p5,
            p6 = excluded.p6, p7 = excluded.p7, p8 = excluded.p8, p9 = excluded.p9, p10 = excluded.p10,
            updated_at = excluded.updated_at
        WHERE x.revision < excluded.revision;
        GET DIAGNOSTICS v_applied = ROW_COUNT;

        v_delta := (CASE WHEN p_withdrawn[i] THEN 0 ELSE 1 END) - (CASE WHEN v_before IS NOT NULL AND NOT v_before THEN 1 ELSE 0 END);
        IF v_applied > 0 AND v_delta <> 0 THEN
            v_count_round := v_count_round || p_rounds[i];
            v_count_inst := v_count_inst || p_institutions[i];
            v_count_delta := v_count_delta || v_delta;
        END IF;

        IF p_records[i] IS NOT NULL THEN
            INSERT INTO census_survey_document AS d (round_id, institution_id, dataset_id, revision, updated_by, record, levels)
            VALUES (p_rounds[i], p_institutions[i], p_datasets[i], p_revisions[i], p_updated_by[i], p_records[i], p_levels_documents[i])
            ON CONFLICT (round_id, institution_id, dataset_id) DO UPDATE SET revision = excluded.revision,
                updated_by = excluded.updated_by, record = excluded.record, levels = excluded.levels
            WHERE d.revision < excluded.revision;
        END IF;

        RETURN QUERY SELECT i, 0::smallint, v_version, NULL::bytea;
    END LOOP;

    -- Counters last, summed, in (round, institution) order.
    INSERT INTO census_survey_count AS c (round_id, institution_id, records)
    SELECT m.r, m.inst, sum(m.d) FROM unnest(v_count_round, v_count_inst, v_count_delta) AS m(r, inst, d)
    GROUP BY m.r, m.inst HAVING sum(m.d) <> 0 ORDER BY m.r, m.inst
    ON CONFLICT (round_id, institution_id) DO UPDATE SET records = c.records + excluded.records;
END;
$$;
