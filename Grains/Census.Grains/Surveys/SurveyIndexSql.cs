namespace Census.Grains.Surveys;

/// <summary>The index statements, written once for both engines (PostgreSQL and SQLite share this SQL).</summary>
internal static class SurveyIndexSql
{
    public const string Columns =
        "round_id, institution_id, dataset_id, shard, revision, withdrawn, sector, modality, availability_now, " +
        "eligible, failed_gates, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, updated_at";

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

    public static string Count(Func<int, string> parameter) =>
        $"SELECT count(*) FROM census_survey_index WHERE round_id = {parameter(1)} AND NOT withdrawn";

    public static string CountForInstitution(Func<int, string> parameter) =>
        $"SELECT count(*) FROM census_survey_index WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND NOT withdrawn";

    public static string ListDatasets(Func<int, string> parameter) =>
        $"SELECT dataset_id FROM census_survey_index WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND NOT withdrawn " +
        $"ORDER BY dataset_id LIMIT {parameter(3)} OFFSET {parameter(4)}";

    public static string ReadShard(Func<int, string> parameter) =>
        "SELECT institution_id, dataset_id, sector, modality, eligible, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, " +
        "p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, revision FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND shard = {parameter(2)} AND NOT withdrawn";

    public static string ReadGroup(Func<int, string> parameter) =>
        "SELECT institution_id, dataset_id, sector, modality, eligible, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, " +
        "p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, failed_gates, updated_at, withdrawn, revision FROM census_survey_index " +
        $"WHERE round_id = {parameter(1)} AND institution_id = {parameter(2)} AND sector = {parameter(3)}";

    public static string ReadRow(Func<int, string> parameter) =>
        "SELECT institution_id, dataset_id, sector, modality, eligible, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, " +
        "p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, failed_gates, updated_at FROM census_survey_index " +
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
