namespace Census.Domain.Tests.Validation;

public sealed class IdRuleTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("a1")]
    [InlineData("01")]
    [InlineData("moi")]
    [InlineData("seoul-metro-2027")]
    [InlineData("a-")]
    [InlineData("0--9")]
    public void Lower_case_letters_digits_and_inner_hyphens_are_valid(string id)
    {
        Assert.True(Rules.IsValidId(id));
    }

    [Fact]
    public void A_two_character_id_is_the_shortest_valid_one()
    {
        Assert.True(Rules.IsValidId("ab"));
        Assert.False(Rules.IsValidId("a"));
    }

    [Fact]
    public void A_63_character_id_is_valid()
    {
        var id = new string('a', 63);

        Assert.True(Rules.IsValidId(id));
    }

    [Fact]
    public void A_64_character_id_is_invalid()
    {
        var id = new string('a', 64);

        Assert.False(Rules.IsValidId(id));
    }

    [Theory]
    [InlineData("Ab")]
    [InlineData("aB")]
    [InlineData("MOIS")]
    public void Upper_case_letters_are_invalid(string id)
    {
        Assert.False(Rules.IsValidId(id));
    }

    [Theory]
    [InlineData("-ab")]
    [InlineData("-1")]
    public void A_leading_hyphen_is_invalid(string id)
    {
        Assert.False(Rules.IsValidId(id));
    }

    [Theory]
    [InlineData("행정안전부")]
    [InlineData("ab행")]
    [InlineData("ａｂ")] // full-width Latin
    [InlineData("ab١")] // Arabic-Indic digit: \d would take it, [0-9] must not
    public void Non_ascii_letters_and_digits_are_invalid(string id)
    {
        Assert.False(Rules.IsValidId(id));
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    [InlineData(" ab")]
    [InlineData("ab ")]
    public void Spaces_and_punctuation_other_than_hyphens_are_invalid(string id)
    {
        Assert.False(Rules.IsValidId(id));
    }

    [Theory]
    [InlineData("abc\n")]
    [InlineData("abc\r\n")]
    public void A_trailing_line_break_is_invalid(string id)
    {
        Assert.False(Rules.IsValidId(id));
    }

    [Fact]
    public void Null_is_not_a_valid_id()
    {
        Assert.False(Rules.IsValidId(null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_id_is_reported_as_required(string? id)
    {
        var errors = Errors.Of(e => Rules.Id(e, "id", id));

        Assert.Equal(["is required."], errors["id"]);
    }

    [Fact]
    public void A_malformed_id_is_reported_with_the_pattern()
    {
        var errors = Errors.Of(e => Rules.Id(e, "round.id", "Bad Id"));

        Assert.Equal([$"must match {Rules.IdPattern}."], errors["round.id"]);
    }

    [Fact]
    public void A_valid_id_reports_nothing()
    {
        var errors = Errors.Of(e => Rules.Id(e, "id", "mois"));

        Assert.Empty(errors);
    }
}
