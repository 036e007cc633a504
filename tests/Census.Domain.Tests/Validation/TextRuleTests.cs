namespace Census.Domain.Tests.Validation;

public sealed class TextRuleTests
{
    private const int Max = 10;

    // Precomposed Hangul syllables: one UTF-16 unit each.
    private const string HangulSyllable = "한";

    // The same syllable as conjoining jamo (ᄒ + ᅡ + ᆫ): three UTF-16 units, one text element.
    private const string HangulJamo = "\u1112\u1161\u11AB";

    // A surrogate pair: two UTF-16 units, one text element.
    private const string ThumbsUp = "\U0001F44D";

    // Family: man, woman, girl joined by ZWJ: eight UTF-16 units, one text element.
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

    private static string Repeat(string element, int count) => string.Concat(Enumerable.Repeat(element, count));

    [Theory]
    [InlineData(HangulSyllable)]
    [InlineData(ThumbsUp)]
    [InlineData("a")]
    public void Text_of_exactly_the_maximum_in_text_elements_is_valid(string element)
    {
        var value = Repeat(element, Max);

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(HangulSyllable)]
    [InlineData(HangulJamo)]
    [InlineData(ThumbsUp)]
    [InlineData(Family)]
    [InlineData("a")]
    public void Text_one_text_element_over_the_maximum_is_invalid_and_the_count_is_in_text_elements(string element)
    {
        var value = Repeat(element, Max + 1);

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.Equal([$"must be at most {Max} characters (got {Max + 1})."], errors["title"]);
    }

    [Fact]
    public void Emoji_count_as_one_character_each_not_as_utf16_units()
    {
        var value = Repeat(Family, 2);
        Assert.True(value.Length > Max); // the point of the test: many more UTF-16 units than allowed

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.Empty(errors);
    }

    [Fact]
    public void Text_within_the_character_limit_but_over_four_bytes_a_character_is_invalid_and_names_the_byte_limit()
    {
        // Ten characters of conjoining jamo and family emoji: 10 text elements, 101 bytes in UTF-8.
        var value = Repeat(HangulJamo, 5) + Repeat(Family, 3) + "ab";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.Equal([$"must be at most {Max * 4} bytes in UTF-8 (got {bytes})."], errors["title"]);
    }

    [Fact]
    public void Text_of_exactly_the_byte_limit_is_valid()
    {
        // Ten thumbs up: four bytes each, forty in all.
        var errors = Errors.Of(e => Rules.OptionalText(e, "title", Repeat(ThumbsUp, Max), Max));

        Assert.Empty(errors);
    }

    [Fact]
    public void A_title_of_300_characters_built_of_combining_sequences_is_invalid()
    {
        // "e" with twelve combining marks, 300 times: 300 characters, about 7.5 KB.
        var value = Repeat("e" + new string('\u0301', 12), 300);

        var errors = Errors.Of(e => Rules.RequiredText(e, "title", value, 300));

        Assert.Contains("bytes in UTF-8", Assert.Single(errors["title"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_optional_text_is_valid()
    {
        var errors = Errors.Of(e => Rules.OptionalText(e, "description", null, Max));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Missing_or_blank_required_text_is_reported_as_required(string? value)
    {
        var errors = Errors.Of(e => Rules.RequiredText(e, "title", value, Max));

        Assert.Equal(["is required."], errors["title"]);
    }

    [Fact]
    public void Required_text_is_also_held_to_the_maximum_length()
    {
        var value = Repeat("a", Max + 1);

        var errors = Errors.Of(e => Rules.RequiredText(e, "title", value, Max));

        Assert.Equal([$"must be at most {Max} characters (got {Max + 1})."], errors["title"]);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    public void Control_characters_are_invalid(string value)
    {
        var errors = Errors.Of(e => Rules.OptionalText(e, "description", value, Max));

        Assert.Equal(["must not contain control characters."], errors["description"]);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("line\r\nbreak")]
    [InlineData("tab\tstop")]
    public void Line_breaks_and_tabs_are_allowed(string value)
    {
        var errors = Errors.Of(e => Rules.OptionalText(e, "description", value, 20));

        Assert.Empty(errors);
    }

    [Fact]
    public void Text_that_is_too_long_and_has_control_characters_gets_both_messages()
    {
        var value = Repeat("a", Max) + "\u0001";

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.Equal(2, errors["title"].Length);
    }

    [Fact]
    public void One_character_carrying_thousands_of_combining_marks_is_too_long()
    {
        // "e" and 5,000 combining acute accents: one text element, 5,001 UTF-16 units.
        var value = "e" + new string('\u0301', 5_000);

        var errors = Errors.Of(e => Rules.OptionalText(e, "title", value, Max));

        Assert.True(errors.ContainsKey("title"));
    }
}
