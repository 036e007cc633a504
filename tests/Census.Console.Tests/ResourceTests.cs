using System.Globalization;
using System.Resources;
using System.Xml.Linq;
using Census.ApiGateway.Console;
using Census.ApiGateway.Console.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Census.Console.Tests;

/// <summary>The console's words: every resx in Korean has its English twin, and the API's messages come out Korean.</summary>
public sealed class ResourceTests
{
    private static readonly string ResourceFolder = Path.Combine(RepositoryRoot(), "ApiGateway", "Console", "Resources");

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourceFolder, "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_Korean_word_has_an_English_twin_and_no_English_word_is_without_a_Korean_one(string file)
    {
        var korean = Keys(Path.Combine(ResourceFolder, file));
        var english = Keys(Path.Combine(ResourceFolder, file.Replace(".resx", ".en.resx", StringComparison.Ordinal)));

        Assert.Empty(korean.Except(english));
        // Field labels are the one exception: their Korean comes from the import template (ConsoleLabels).
        Assert.DoesNotContain(english.Except(korean), k => !k.StartsWith("Field.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("is required.", "필수 항목입니다.")]
    [InlineData("must be at most 300 characters (got 301).", "300자 이내여야 합니다 (지금 301자).")]
    [InlineData("must sum to 100 (got 95).", "합이 100이어야 합니다 (지금 95).")]
    [InlineData("is required when quality.assessed is true.", "품질 평가가 '예'이면 오류율을 입력해야 합니다.")]
    [InlineData("A wording no rule has yet.", "A wording no rule has yet.")]
    public void The_APIs_messages_are_shown_in_Korean_and_an_unknown_one_as_it_is(string message, string shown)
    {
        using var culture = new CultureScope("ko");
        Assert.Equal(shown, ConsoleProblems.Message(message, Localizer()));
    }

    [Fact]
    public void In_English_the_APIs_messages_keep_their_own_words()
    {
        using var culture = new CultureScope("en");
        Assert.Equal("must be at most 300 characters (got 301).", ConsoleProblems.Message("must be at most 300 characters (got 301).", Localizer()));
    }

    [Fact]
    public void Enum_values_and_field_names_are_Korean_first_and_English_by_the_switch()
    {
        using (new CultureScope("ko"))
        {
            Assert.Equal("시계열", ConsoleLabels.Of(Census.Contracts.Surveys.Modality.TimeSeries));
            Assert.Equal("현재 제공 범위", ConsoleLabels.Field("availability.now", Localizer()));
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("time series", ConsoleLabels.Of(Census.Contracts.Surveys.Modality.TimeSeries));
            Assert.Equal("Availability now", ConsoleLabels.Field("availability.now", Localizer()));
        }
    }

    private static StringLocalizer<ConsoleText> Localizer() =>
        new StringLocalizer<ConsoleText>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    private static HashSet<string> Keys(string path) =>
        [.. XDocument.Load(path).Root!.Elements("data").Select(e => (string)e.Attribute("name")!)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Actors.sln) is not above the test's directory.");
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
