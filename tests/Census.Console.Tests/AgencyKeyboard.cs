using Census.Contracts.Surveys;
using Census.Exchange.Template;

namespace Census.Console.Tests;

/// <summary>The dataset form driven by the keyboard alone: Tab to each control, type, arrow keys in selects, Space on boxes.</summary>
internal static class AgencyKeyboard
{
    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus.</summary>
    public static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached #{id}.");
    }

    /// <summary>Fills the form's fields in their order on the page. Date fields are left out: the record must have none.</summary>
    public static async Task FillAsync(IPage page, string datasetId, SurveyRecord record)
    {
        var cells = SurveyRows.Cells(datasetId, record);
        var values = new Dictionary<string, (SurveyColumn Column, string Text)>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var column = SurveyColumns.All[i];
            values[AgencyForms.InputId(column.Key)[1..]] = (column, cells[i].Text ?? "");
        }

        var controls = await page.Locator("form input[id^='f-'], form select[id^='f-'], form textarea[id^='f-']")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.id)");
        foreach (var id in controls)
        {
            if (values.TryGetValue(id, out var field))
            {
                await FillControlAsync(page, id, field.Column, field.Text);
            }
            else if (id.LastIndexOf('-') is var dash and > 0 && values.TryGetValue(id[..dash], out var list) && list.Column.Type == ColumnType.EnumList)
            {
                // A box of a list of choices: f-processingPlan-labeling.
                var choice = id[(id.IndexOf('-', 2) + 1)..];
                if (list.Text.Split(';', StringSplitOptions.TrimEntries).Contains(choice))
                {
                    await TabToAsync(page, id);
                    await page.Keyboard.PressAsync("Space");
                }
            }
        }
    }

    private static async Task FillControlAsync(IPage page, string id, SurveyColumn column, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        await TabToAsync(page, id);
        switch (column.Type)
        {
            case ColumnType.Enum or ColumnType.Bool:
                var options = await page.Locator("#" + id + " option").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
                var target = Array.IndexOf(options, text);
                Assert.True(target > 0, $"#{id} has no option {text}.");
                for (var i = 0; i < target; i++)
                {
                    await page.Keyboard.PressAsync("ArrowDown");
                }

                break;
            case ColumnType.Date:
                Assert.Fail($"#{id}: the keyboard test's record must have no dates.");
                break;
            default:
                await page.Keyboard.TypeAsync(text);
                break;
        }
    }
}
