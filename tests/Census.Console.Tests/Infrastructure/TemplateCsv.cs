using Census.Contracts.Surveys;
using Census.Exchange.Template;

namespace Census.Console.Tests.Infrastructure;

/// <summary>A filled survey template as CSV, as an agency writes one under the header it downloaded.</summary>
public static class TemplateCsv
{
    /// <summary>One row in the template's columns; <paramref name="modality"/> replaces the modality cell (e.g. with a bad value).</summary>
    public static string[] Row(string datasetId, SurveyRecord record, string? modality = null)
    {
        var cells = SurveyRows.Cells(datasetId, record).Select(c => c.Text ?? "").ToArray();
        if (modality is not null)
        {
            cells[SurveyColumns.All.ToList().FindIndex(c => c.Key == "modality")] = modality;
        }

        return cells;
    }

    public static string Write(string header, params string[][] rows) =>
        header + "\r\n" + string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))) + "\r\n";
}
