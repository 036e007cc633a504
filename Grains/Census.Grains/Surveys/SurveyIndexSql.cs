namespace Census.Grains.Surveys;

/// <summary>The index statements, written once for both engines (PostgreSQL and SQLite share this SQL).</summary>
internal static class SurveyIndexSql
{
    /// <summary>The ten rubric levels now (<c>n1…n10</c>) then after processing (<c>p1…p10</c>), in criterion order.</summary>
    public static readonly string LevelColumns = string.Join(", ",
        Enumerable.Range(1, 10).Select(i => $"n{i}").Concat(Enumerable.Range(1, 10).Select(i => $"p{i}")));

    /// <summary>Every column of a row, in the order <see cref="Values"/> yields them.</summary>
    public static readonly string Columns =
        "round_id, institution_id, dataset_id, shard, revision, withdrawn, sector, modality, availability_now, " +
        $"eligible, failed_gates, {LevelColumns}, updated_at";

    /// <summary>What every read of rows starts with; <see cref="ReadShardRow"/> reads it, and extra columns follow at <see cref="FirstExtraColumn"/>.</summary>
    private static readonly string RowHead = $"institution_id, dataset_id, sector, modality, eligible, {LevelColumns}";

    /// <summary>The ordinal of the first column a read selects after <see cref="RowHead"/>.</summary>
    public const int FirstExtraColumn = 25;

    public static string Upsert(Func<int, string> parameter)
    {
        var values = string.Join(", ", Enumerable.Range(1, 32).Select(parameter));
        var updates = string.Join(", ", Columns.Split(", ").Skip(3).Select(c => $"{c} = excluded.{c}"));
        return $"""
            INSERT INTO census_survey_index ({Columns}) VALUES ({values})
            ON CONFLICT (round_id, institution_id, dataset_id, shard) DO UPDATE SET {updates}
            WHERE census_survey_index.revision < excluded.revision
            """;
    }

    public static IEnumerable<object> Values(SurveyIndexRow row)
    {
        yield return row.RoundId;
        yield return row.InstitutionId;
        yield return row.DatasetId;
        yield return (short)row.Shard;
        yield return row.Revision;
        yield return row.Withdrawn;
        yield return row.Sector;
        yield return row.Modality;
        yield return row.AvailabilityNow;
        yield return row.Eligible;
        yield return (short)row.FailedGates;
        foreach (var level in row.LevelsNow)
        {
            yield return (short)level;
        }

        foreach (var level in row.LevelsPost)
        {
            yield return (short)level;
        }

        yield return row.UpdatedAt;
    }

    // Counters: one row per (round, institution), moved by the upsert when a row turns live or withdrawn.
    public static string Count(Func<int, string> parameter) =>
        $"SELECT coalesce(sum(records), 0) FROM census_survey_count WHERE round_id = {parameter(1)}";

    public static string CountForInstitution(Func<int, string> parameter) =>
        $"SELECT coalesce(sum(records), 0) FROM census_survey_count WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)}";

    public static string MoveCount(Func<int, string> parameter) =>
        $"INSERT INTO census_survey_count (round_id, institution_id, records) VALUES ({parameter(1)}, {parameter(2)}, {parameter(3)}) " +
        "ON CONFLICT (round_id, institution_id) DO UPDATE SET records = census_survey_count.records + excluded.records";

    /// <summary>Whether the stored row is withdrawn (no row: no result), locked for the upsert that follows where the engine locks rows.</summary>
    public static string RowWithdrawn(Func<int, string> parameter, string rowLock) =>
        $"SELECT withdrawn FROM census_survey_index WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND dataset_id = {parameter(3)} " +
        // The shard names the one partition to look in (PostgreSQL plans over all 64 without it).
        $"AND shard = {parameter(4)}{rowLock}";

    // The close gate: an upsert reads its round's row shared and proceeds only while it is open.
    public static string ReadGate(Func<int, string> parameter, string shareLock) =>
        $"SELECT closed FROM census_survey_gate WHERE round_id = {parameter(1)}{shareLock}";

    public static string OpenGate(Func<int, string> parameter) =>
        $"INSERT INTO census_survey_gate (round_id, closed) VALUES ({parameter(1)}, {parameter(2)}) ON CONFLICT (round_id) DO NOTHING";

    public static string CloseGate(Func<int, string> parameter) =>
        $"INSERT INTO census_survey_gate (round_id, closed) VALUES ({parameter(1)}, {parameter(2)}) " +
        "ON CONFLICT (round_id) DO UPDATE SET closed = excluded.closed";

    // Documents: the record beside its row, under the same revision guard. A missing document is
    // written even when the row is current (rows indexed before documents existed).
    public static string UpsertDocument(Func<int, string> parameter) =>
        "INSERT INTO census_survey_document (round_id, institution_id, dataset_id, revision, updated_by, record, levels) " +
        $"VALUES ({string.Join(", ", Enumerable.Range(1, 7).Select(parameter))}) " +
        "ON CONFLICT (round_id, institution_id, dataset_id) DO UPDATE SET revision = excluded.revision, " +
        "updated_by = excluded.updated_by, record = excluded.record, levels = excluded.levels " +
        "WHERE census_survey_document.revision < excluded.revision";

    public static string ListDocuments(Func<int, string> parameter) =>
        "SELECT i.dataset_id, i.revision, i.updated_at, d.updated_by, d.record, d.levels FROM census_survey_index i " +
        "JOIN census_survey_document d ON d.round_id = i.round_id AND d.institution_id = i.institution_id AND d.dataset_id = i.dataset_id " +
        $"WHERE i.round_id = {parameter(1)} AND i.institution_id = {parameter(2)} AND NOT i.withdrawn " +
        $"ORDER BY i.dataset_id LIMIT {parameter(3)} OFFSET {parameter(4)}";

    // Intents: a dataset whose state may be ahead of its row until the upsert of that revision.
    public static string RecordIntent(Func<int, string> parameter) =>
        "INSERT INTO census_survey_intent (round_id, institution_id, dataset_id, revision, recorded_at) " +
        $"VALUES ({string.Join(", ", Enumerable.Range(1, 5).Select(parameter))}) " +
        "ON CONFLICT (round_id, institution_id, dataset_id) DO UPDATE SET revision = excluded.revision, recorded_at = excluded.recorded_at " +
        "WHERE census_survey_intent.revision < excluded.revision";

    public static string ClearIntent(Func<int, string> parameter) =>
        $"DELETE FROM census_survey_intent WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} " +
        $"AND dataset_id = {parameter(3)} AND revision <= {parameter(4)}";

    public static string PendingIntents(Func<int, string> parameter) =>
        "SELECT round_id, institution_id, dataset_id FROM census_survey_intent " +
        $"WHERE recorded_at < {parameter(1)} ORDER BY recorded_at LIMIT {parameter(2)}";

    // Dataset grain states (V005): stored under the version the grain read.
    public static string InsertState(Func<int, string> parameter) =>
        "INSERT INTO census_dataset_state (grain_key, version, payload, updated_at) " +
        $"VALUES ({parameter(1)}, 1, {parameter(2)}, {parameter(3)}) ON CONFLICT (grain_key) DO NOTHING";

    public static string UpdateState(Func<int, string> parameter) =>
        $"UPDATE census_dataset_state SET version = version + 1, payload = {parameter(2)}, updated_at = {parameter(3)} " +
        $"WHERE grain_key = {parameter(1)} AND version = {parameter(4)}";

    public static string ReadState(Func<int, string> parameter) =>
        $"SELECT version, payload FROM census_dataset_state WHERE grain_key = {parameter(1)}";

    public static string ReadShard(Func<int, string> parameter) =>
        $"SELECT {RowHead}, revision FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND shard = {parameter(2)} AND NOT withdrawn";

    /// <summary>
    /// The twenty levels (each 0..4) packed three bits apiece into one integer, now first: a ranking's load reads one
    /// column where it would read twenty, which is most of a row's decoding (ANSI casts and shifts: both engines).
    /// </summary>
    public static readonly string PackedLevels = string.Join(" | ",
        LevelColumns.Split(", ").Select((c, i) => i == 0 ? $"CAST({c} AS BIGINT)" : $"(CAST({c} AS BIGINT) << {3 * i})"));

    /// <summary>What a ranking loads of a shard: institution, dataset, sector, modality, eligible, revision, <see cref="PackedLevels"/>.</summary>
    public static string LoadShard(Func<int, string> parameter) =>
        $"SELECT institution_id, dataset_id, sector, modality, eligible, revision, {PackedLevels} FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND shard = {parameter(2)} AND NOT withdrawn";

    /// <summary>Unpacks <see cref="PackedLevels"/> into twenty levels.</summary>
    public static void UnpackLevels(long packed, Span<byte> levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = (byte)((packed >> (3 * i)) & 7);
        }
    }

    public static string ReadGroup(Func<int, string> parameter) =>
        $"SELECT {RowHead}, failed_gates, updated_at, withdrawn, revision FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND sector = {parameter(3)}";

    public static string ReadRow(Func<int, string> parameter) =>
        $"SELECT {RowHead}, failed_gates, updated_at FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND dataset_id = {parameter(3)} AND NOT withdrawn";

    public static string ReportCells(Func<int, string> parameter)
    {
        string Weighted(char prefix) => string.Join(" + ", Enumerable.Range(1, 10).Select(i => $"{parameter(i + 1)} * {prefix}{i}"));
        return "SELECT institution_id, sector, modality, availability_now, eligible, count(*), " +
            $"sum({Weighted('n')}), sum({Weighted('p')}) FROM census_survey_index " +
            $"WHERE round_id = {parameter(1)} AND NOT withdrawn " +
            "GROUP BY institution_id, sector, modality, availability_now, eligible";
    }

    public static Census.Domain.Reports.ReportCell ReadReportCell(System.Data.Common.DbDataReader reader) => new(
        reader.GetString(0),
        Census.Domain.Validation.Names.Parse<Census.Contracts.Institutions.Sector>(reader.GetString(1)),
        Census.Domain.Validation.Names.Parse<Census.Contracts.Surveys.Modality>(reader.GetString(2)),
        Census.Domain.Validation.Names.Parse<Census.Contracts.Surveys.AvailabilityScope>(reader.GetString(3)),
        reader.GetBoolean(4),
        reader.GetInt64(5),
        Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads a <see cref="ShardRow"/> from a reader positioned on a <see cref="ReadShard"/> row.</summary>
    public static ShardRow ReadShardRow(System.Data.Common.DbDataReader reader)
    {
        // Columns in order: the PostgreSQL reader streams them (sequential access).
        var institution = reader.GetString(0);
        var dataset = reader.GetString(1);
        var sector = reader.GetString(2);
        var modality = reader.GetString(3);
        var eligible = reader.GetBoolean(4);
        var levels = new byte[20];
        for (var i = 0; i < 20; i++)
        {
            levels[i] = (byte)reader.GetInt16(5 + i);
        }

        return new ShardRow(institution, dataset, sector, modality, eligible, levels);
    }

    public static string Revision(Func<int, string> parameter) =>
        $"SELECT revision FROM census_survey_index WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND dataset_id = {parameter(3)}";
}
