using Census.ApiGateway.Console.Resources;
using Census.Domain.Validation;
using Census.Exchange.Template;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console;

/// <summary>
/// Names of enumeration values and survey fields on screen. Korean comes from the import template's own labels
/// (Census.Exchange <see cref="EnumLabels"/>, <see cref="SurveyColumns"/>), so the console and the spreadsheet an agency
/// fills say the same words; English from ConsoleText.en.resx (<c>Field.*</c>) or, for an enum value, its wire name.
/// </summary>
public static class ConsoleLabels
{
    private static readonly Dictionary<string, string> KoreanFields =
        SurveyColumns.All.ToDictionary(c => c.Key, c => c.Label, StringComparer.Ordinal);

    /// <summary>The label of an enumeration value: <c>Modality.TimeSeries</c> → 시계열 / time series.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var wire = Names.Of(value);
        if (ConsoleFormat.Language == "ko")
        {
            foreach (var choice in EnumLabels.For<TEnum>())
            {
                if (choice.Value == wire)
                {
                    return choice.Label;
                }
            }
        }

        return wire.Replace('-', ' ');
    }

    /// <summary>Every value of an enumeration with its label, in declaration order (for a select).</summary>
    public static IEnumerable<(string Value, string Label)> Choices<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (Names.Of(v), Of(v)));

    /// <summary>The label of a survey field by its template key (<c>availability.now</c>).</summary>
    public static string Field(string key, IStringLocalizer<ConsoleText> text)
    {
        if (ConsoleFormat.Language == "ko" && KoreanFields.TryGetValue(key, out var korean))
        {
            return korean;
        }

        var english = text["Field." + key];
        return english.ResourceNotFound ? key : english.Value;
    }
}
