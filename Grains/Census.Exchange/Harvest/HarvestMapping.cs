using System.Globalization;
using Census.Contracts.Surveys;
using Census.Domain.Surveys;
using Census.Domain.Validation;
using Census.Exchange.Imports;

namespace Census.Exchange.Harvest;

/// <summary>
/// One catalogue dataset → one pre-filled import row (intake-exchange.md "Harvest"). What the catalogue says
/// fills the record; the record is then validated exactly as a PUT, and every required field still empty is
/// an error of the row at its PUT path, saying that the catalogue does not give it. The sub-objects the
/// agency must complete (collection, availability, personal data, labeling, quality, documentation,
/// maintenance) are present but empty, so each of their required fields is named on its own; volume stays
/// absent, since an empty volume would pass and the census wants the agency to state it.
/// </summary>
public static class HarvestMapping
{
    public const string NotInCatalogue = "is required; the catalogue does not give it, so fill it in before importing.";

    public static ImportEntry Map(int row, CatalogDataset? dataset, HarvestContext context)
    {
        if (dataset is null)
        {
            return new ImportEntry(row, null, ImportAction.Upsert, null,
                [new ImportRowError(row, null, "datasetId", "is not a dataset: this entry of the catalogue is not a JSON object.")]);
        }

        var errors = new List<(string Path, string Message)>();
        var rawId = dataset.Identifier ?? dataset.Iri;
        var datasetId = DatasetIds.Normalise(rawId);
        if (datasetId is null)
        {
            errors.Add(("datasetId", rawId is null
                ? "is required; the catalogue gives this dataset neither an identifier nor an IRI, so give it an id."
                : $"is required; the catalogue's identifier {Quote(rawId)} leaves no usable id ({Rules.IdPattern}), so give it one."));
        }

        var frequency = dataset.Frequency is { } f ? UpdateFrequencies.For(f) : null;
        var from = CatalogDates.Parse(dataset.TemporalStart);
        var to = CatalogDates.Parse(dataset.TemporalEnd, endOfPeriod: true);
        var record = new SurveyRecord
        {
            Title = dataset.Title,
            Description = dataset.Description,
            Keywords = Keywords(dataset.Keywords),
            Sector = dataset.Themes.Select(ThemeSectors.For).FirstOrDefault(s => s is not null) ?? context.Sector,
            Formats = Formats(dataset.Formats),
            Collection = new SurveyCollection(),
            Availability = new SurveyAvailability(),
            License = dataset.Licenses.Select(CatalogLicenses.For).FirstOrDefault(l => l is not null) ?? License.Unknown,
            PersonalData = new SurveyPersonalData(),
            Labeling = new SurveyLabeling(),
            Quality = new SurveyQuality(),
            Documentation = new SurveyDocumentation(),
            Coverage = from is null && to is null ? null : new SurveyCoverage { From = from, To = to },
            Maintenance = new SurveyMaintenance { UpdateFrequency = frequency, LastUpdated = CatalogDates.Parse(dataset.Modified) },
            ContactEmail = dataset.Emails.Select(Email).FirstOrDefault(IsEmail),
        };

        foreach (var (path, messages) in SurveyRecordRules.Validate(record).ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add((path, message == "is required." ? Required(path, dataset) : message));
            }
        }

        return new ImportEntry(row, datasetId, ImportAction.Upsert, record,
            [.. errors.Select(e => new ImportRowError(row, datasetId, e.Path, e.Message))]);
    }

    private static string Required(string path, CatalogDataset dataset) =>
        path == SurveyRecordRules.Root + ".maintenance.updateFrequency" && dataset.Frequency is { } frequency
            ? $"is required; the catalogue's frequency {Quote(frequency)} matches none of static, yearly, quarterly, monthly, weekly, daily, realtime, unknown, so choose one."
            : NotInCatalogue;

    // What the catalogue wrote, quoted, and cut short so one absurd value cannot make a huge error report.
    private static string Quote(string value) =>
        value.Length <= 100 ? $"\"{value}\"" : $"\"{value[..100]}…\"";

    // Keywords in every language, the first spelling of each kept, within the PUT limits (20, each ≤ 50).
    private static List<string>? Keywords(IReadOnlyList<string> keywords)
    {
        var kept = keywords.Select(k => k.Trim())
            .Where(k => k.Length > 0 && new StringInfo(k).LengthInTextElements <= SurveyRecordRules.MaxKeywordLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(SurveyRecordRules.MaxKeywords)
            .ToList();
        return kept.Count == 0 ? null : kept;
    }

    // Formats are a set: sorted, so the order distributions happen to be written in changes nothing.
    private static List<string>? Formats(IReadOnlyList<string> formats)
    {
        var names = formats.Select(FileFormats.Normalise).OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(SurveyRecordRules.MaxFormats)
            .ToList();
        return names.Count == 0 ? null : names;
    }

    private static string Email(string value)
    {
        var text = value.Trim();
        return text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(text["mailto:".Length..].Split('?')[0]) : text;
    }

    private static bool IsEmail(string value)
    {
        var errors = new ValidationErrors();
        Rules.OptionalEmail(errors, "contactEmail", value);
        return errors.IsValid;
    }
}
