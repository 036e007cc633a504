-- V007__provision_ledger.sql
--
-- provision_ledger: every dataset's tamper-evident ledger (provision.md §3 "Ledger"), one row per entry. Entry idx
-- (1, 2, …) of a dataset stores its event's canonical JSON and hash_n = SHA-256(hash_{n-1} ‖ event bytes) in hex.
-- The product only ever INSERTs here: no statement of the code updates or deletes a row. There is deliberately no
-- trigger or rule refusing UPDATE and DELETE either: the guarantee is detection (the verify route recomputes the chain
-- and names the first entry that does not follow), and an edit made behind the product's back must stay findable.
-- kind, at and institution_id repeat what the event says, for the usage, settlement and demand queries.

CREATE TABLE IF NOT EXISTS provision_ledger
(
    dataset_key     text        NOT NULL,
    idx             bigint      NOT NULL,
    event_id        text        NOT NULL,
    kind            text        NOT NULL,
    at              timestamptz NOT NULL,
    institution_id  text        NOT NULL,
    event           text        NOT NULL,
    hash            text        NOT NULL,
    PRIMARY KEY (dataset_key, idx),
    UNIQUE (dataset_key, event_id)
);

-- Usage (one dataset's downloads by month), settlements (an institution's transactions in a month), demand (per kind in a period).
CREATE INDEX IF NOT EXISTS provision_ledger_by_dataset_kind ON provision_ledger (dataset_key, kind, at);
CREATE INDEX IF NOT EXISTS provision_ledger_by_institution_kind ON provision_ledger (institution_id, kind, at);
CREATE INDEX IF NOT EXISTS provision_ledger_by_kind ON provision_ledger (kind, at);

-- An event's facts, or null when its stored text is not JSON (a row edited behind the product's back): usage reads
-- facts with this, so one such row is left out of the counts instead of failing them. Verify names that row.
CREATE OR REPLACE FUNCTION census_ledger_facts(p_event text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN p_event::jsonb -> 'facts';
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
