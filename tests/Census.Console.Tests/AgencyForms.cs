using Census.Contracts.Surveys;
using Census.Exchange.Template;

namespace Census.Console.Tests;

/// <summary>Filling the agency's dataset form from a record, field by field, as a person would.</summary>
internal static class AgencyForms
{
    /// <summary>The control of a template column on the dataset form.</summary>
    public static string InputId(string key) => "#f-" + key.Replace('.', '-');

    /// <summary>Fills every field of the form with the record's values (the dataset id too unless <paramref name="withId"/> is false).</summary>
    public static async Task FillAsync(IPage page, string datasetId, SurveyRecord record, bool withId = true)
    {
        var cells = SurveyRows.Cells(datasetId, record);
        for (var i = 0; i < cells.Count; i++)
        {
            var column = SurveyColumns.All[i];
            var text = cells[i].Text ?? "";
            if (column.Key == SurveyColumns.ActionKey || (column.Key == SurveyColumns.DatasetIdKey && !withId))
            {
                continue;
            }

            switch (column.Type)
            {
                case ColumnType.Enum or ColumnType.Bool:
                    await page.Locator(InputId(column.Key)).SelectOptionAsync(text);
                    break;
                case ColumnType.EnumList:
                    var chosen = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    foreach (var choice in column.Choices)
                    {
                        await page.Locator($"{InputId(column.Key)}-{choice.Value}").SetCheckedAsync(chosen.Contains(choice.Value));
                    }

                    break;
                default:
                    await page.Locator(InputId(column.Key)).FillAsync(text);
                    break;
            }
        }
    }
}
