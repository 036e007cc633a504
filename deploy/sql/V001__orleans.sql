-- V001__orleans.sql
--
-- Storage for Microsoft Orleans 10.x ADO.NET providers (clustering, grain
-- persistence, reminders) on PostgreSQL 15+, used through Npgsql.
--
-- Why this file exists: the Orleans AdoNet NuGet packages carry no SQL at all.
-- At start-up each provider runs "SELECT QueryKey, QueryText FROM OrleansQuery"
-- and afterwards only executes the statements it found there. So the schema is
-- ours to choose; what Orleans fixes is the contract:
--   * the set of query keys (a provider refuses to start if one is missing),
--   * the @Parameter names bound to each statement (typed by Orleans: int ->
--     int4, long -> int8, string -> text, byte[] -> bytea, DateTime -> timestamptz),
--   * the names of the columns each statement returns, and what they mean
--     (version numbers used as ETags for optimistic concurrency).
-- The table read by the providers must be called OrleansQuery; everything
-- else below (orleans_* tables and functions) is our own naming.
--
-- Conventions: all timestamps are timestamptz (Orleans passes UTC values);
-- hashes are the signed 32-bit view of Orleans' uint hashes, as Orleans
-- binds them; statement texts are stored with dollar quoting.
--
-- Re-runnable: CREATE ... IF NOT EXISTS / CREATE OR REPLACE, and the query
-- rows are upserted. Meant to run inside one transaction.

------------------------------------------------------------------------------
-- Query catalogue read by every provider.
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

------------------------------------------------------------------------------
-- Clustering (membership).
--
-- One version row per cluster (Orleans' "DeploymentId" = ClusterId). Every
-- membership write must present the version it last read; a successful
-- insert/update bumps it. Heartbeats (IAmAliveTime) do not bump it.
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Insert a silo row if the caller's table version is current.
-- Locks the cluster's version row first, so concurrent membership writers are
-- serialised; on any failure nothing is changed and false is returned.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id
    FOR UPDATE;

    IF current_version IS NULL OR p_version IS NULL OR current_version <> p_version THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;

    IF NOT FOUND THEN
        RETURN false;   -- silo already present: version left untouched
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;

    RETURN true;
END;
$fn$;

-- Update a silo row (status, suspicions, heartbeat) if the caller's table
-- version is current. Same locking and all-or-nothing rule as the insert.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id
    FOR UPDATE;

    IF current_version IS NULL OR p_version IS NULL OR current_version <> p_version THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
    SET status          = p_status,
        suspect_times   = p_suspect_times,
        i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id
      AND address       = p_address
      AND port          = p_port
      AND generation    = p_generation;

    IF NOT FOUND THEN
        RETURN false;   -- no such silo: version left untouched
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;

    RETURN true;
END;
$fn$;

------------------------------------------------------------------------------
-- Grain persistence.
--
-- A row per (service, grain type, grain id). "version" is the ETag: it is 1
-- on first write and +1 on each successful write/clear. A write with a stale
-- (or missing) version changes nothing and reports NULL/no row, which Orleans
-- turns into InconsistentStateException. Clear keeps the row with a NULL
-- payload (Orleans then sees RecordExists = false but keeps the ETag).
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id                text        NOT NULL,
    grain_type_hash           integer     NOT NULL,
    grain_id_hash             integer     NOT NULL,
    grain_id_n0               bigint      NOT NULL,
    grain_id_n1               bigint      NOT NULL,
    grain_type_string         text        NOT NULL,
    grain_id_extension_string text        NULL,
    payload_binary            bytea       NULL,
    version                   integer     NOT NULL,
    modified_on               timestamptz NOT NULL DEFAULT now()
);

-- Identity of a stored state, and the lookup path of every storage query
-- (the two hashes make the leading columns selective). NULLS NOT DISTINCT
-- (PostgreSQL 15) makes a NULL key extension part of the identity, so two
-- concurrent first writes cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_identity_uq
    ON orleans_storage (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                        grain_type_string, grain_id_extension_string)
    NULLS NOT DISTINCT;

------------------------------------------------------------------------------
-- Reminders.
--
-- "version" is the reminder's ETag: every upsert bumps it and returns it;
-- a delete must present the current one. grain_hash is the grain's uniform
-- hash as a signed int; range reads compare it in signed order (Orleans
-- itself picks ReadRangeRows1Key vs ReadRangeRows2Key by signed comparison).
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,   -- milliseconds
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_service_hash_ix
    ON orleans_reminders (service_id, grain_hash);

------------------------------------------------------------------------------
-- The statements Orleans runs. Parameter names and result column names are
-- the contract; keep them exactly as written. Result column names are matched
-- case-insensitively by Npgsql, so unquoted aliases are fine.
------------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- ---------- clustering ----------

-- Creates the cluster's version row once. Returns one boolean: created or not.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS inserted;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS succeeded;
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS succeeded;
$q$),

-- Heartbeat: touches only the silo's own row, never the table version.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address       = @Address
  AND port          = @Port
  AND generation    = @Generation;
$q$),

-- Always one row (the version) even when the silo is absent: the member
-- columns are then NULL, which Orleans reads as "no entry".
('MembershipReadRowKey', $q$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address       = @Address
      AND m.port          = @Port
      AND m.generation    = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Removes the whole cluster (members go with the version row: ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
WHERE deployment_id = @DeploymentId;
$q$),

-- Gateways clients may use: silos in the given status (Orleans passes Active)
-- that expose a gateway port.
('GatewaysQueryKey', $q$
SELECT address    AS Address,
       proxy_port AS ProxyPort,
       generation AS Generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status        = @Status
  AND proxy_port    > 0;
$q$),

-- Bulk cleanup (used by Orleans only when CleanupDefunctSiloEntryKey is
-- absent): Dead silos (status 6) with no sign of life since the cutoff.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id   = @DeploymentId
  AND status          = 6
  AND i_am_alive_time < @IAmAliveTime
  AND start_time      < @IAmAliveTime;
$q$),

-- Per-row cleanup: Orleans decides in .NET which Dead rows are old enough and
-- passes back the values it read; the row is deleted only if still unchanged.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id   = @DeploymentId
  AND address         = @Address
  AND port            = @Port
  AND generation      = @Generation
  AND status          = 6
  AND start_time      = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM @SuspectTimes;
$q$),

-- ---------- grain persistence ----------

('ReadFromStorageKey', $q$
SELECT s.payload_binary AS PayloadBinary,
       s.version        AS Version
FROM orleans_storage s
WHERE s.service_id        = @ServiceId
  AND s.grain_type_hash   = @GrainTypeHash
  AND s.grain_id_hash     = @GrainIdHash
  AND s.grain_id_n0       = @GrainIdN0
  AND s.grain_id_n1       = @GrainIdN1
  AND s.grain_type_string = @GrainTypeString
  AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- GrainStateVersion NULL  -> first write: insert version 1 unless a row exists.
-- GrainStateVersion = n   -> update only if the stored version is n; new is n+1.
-- Always one row; NewGrainStateVersion is NULL when nothing was written.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage s
    SET payload_binary = @PayloadBinary,
        version        = s.version + 1,
        modified_on    = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.service_id        = @ServiceId
      AND s.grain_type_hash   = @GrainTypeHash
      AND s.grain_id_hash     = @GrainIdHash
      AND s.grain_id_n0       = @GrainIdN0
      AND s.grain_id_n1       = @GrainIdN1
      AND s.grain_type_string = @GrainTypeString
      AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.version           = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_storage
        (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
         grain_type_string, grain_id_extension_string, payload_binary, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated
        UNION ALL
        SELECT version FROM inserted
        LIMIT 1) AS NewGrainStateVersion;
$q$),

-- Clear keeps the row (payload NULL) and bumps the version; stale version ->
-- no row returned -> InconsistentStateException.
('ClearStorageKey', $q$
UPDATE orleans_storage s
SET payload_binary = NULL,
    version        = s.version + 1,
    modified_on    = now()
WHERE s.service_id        = @ServiceId
  AND s.grain_type_hash   = @GrainTypeHash
  AND s.grain_id_hash     = @GrainIdHash
  AND s.grain_id_n0       = @GrainIdN0
  AND s.grain_id_n1       = @GrainIdN1
  AND s.grain_type_string = @GrainTypeString
  AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
  AND s.version           = @GrainStateVersion
RETURNING s.version AS NewGrainStateVersion;
$q$),

-- Used instead of ClearStorageKey when DeleteStateOnClear = true. Removes the
-- row if the version matches and returns a value different from the caller's
-- ETag (Orleans only checks it is non-empty and differs; it then resets the
-- ETag to null). Stale version -> no row -> InconsistentStateException.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage s
WHERE s.service_id        = @ServiceId
  AND s.grain_type_hash   = @GrainTypeHash
  AND s.grain_id_hash     = @GrainIdHash
  AND s.grain_id_n0       = @GrainIdN0
  AND s.grain_id_n1       = @GrainIdN1
  AND s.grain_type_string = @GrainTypeString
  AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
  AND s.version           = @GrainStateVersion
RETURNING s.version + 1 AS NewGrainStateVersion;
$q$),

-- ---------- reminders ----------

('ReadReminderRowsKey', $q$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId
  AND grain_id   = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
FROM orleans_reminders
WHERE service_id    = @ServiceId
  AND grain_id      = @GrainId
  AND reminder_name = @ReminderName;
$q$),

-- Range (BeginHash, EndHash] that does not wrap in signed order.
('ReadRangeRows1Key', $q$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId
  AND grain_hash > @BeginHash
  AND grain_hash <= @EndHash;
$q$),

-- Range that wraps around (also the whole ring when BeginHash = EndHash).
('ReadRangeRows2Key', $q$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId
  AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Insert or replace; returns the new ETag as column Version.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period     = EXCLUDED.period,
    grain_hash = EXCLUDED.grain_hash,
    version    = r.version + 1
RETURNING r.version AS Version;
$q$),

-- Deletes only with the current ETag; returns one boolean.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
    WHERE service_id    = @ServiceId
      AND grain_id      = @GrainId
      AND reminder_name = @ReminderName
      AND version       = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders
WHERE service_id = @ServiceId;
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
