namespace Census.Domain.Tests.Validation;

public sealed class EmailRuleTests
{
    private const string Invalid = "must be an e-mail address.";

    [Theory]
    [InlineData("officer@mois.go.kr")]
    [InlineData("data.officer+census@agency.example")]
    [InlineData("담당자@기관.한국")]
    public void A_plausible_address_is_valid(string email)
    {
        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", email));

        Assert.Empty(errors);
    }

    [Fact]
    public void A_missing_address_is_valid()
    {
        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", null));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("officer")]
    [InlineData("officer@")]
    [InlineData("@mois.go.kr")]
    [InlineData("officer@localhost")]
    [InlineData("officer@@mois.go.kr")]
    [InlineData("off@icer@mois.go.kr")]
    [InlineData("data officer@mois.go.kr")]
    [InlineData(" officer@mois.go.kr")]
    [InlineData("officer@mois.go.kr ")]
    public void A_malformed_address_is_invalid(string email)
    {
        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", email));

        Assert.Equal([Invalid], errors["contactEmail"]);
    }

    [Theory]
    [InlineData("officer@mois.go.kr\n")]
    [InlineData("officer@mois.go.kr\r\n")]
    public void An_address_with_a_trailing_line_break_is_invalid(string email)
    {
        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", email));

        Assert.Equal([Invalid], errors["contactEmail"]);
    }

    [Fact]
    public void An_address_of_254_characters_is_valid()
    {
        var email = new string('a', 254 - "@mois.go.kr".Length) + "@mois.go.kr";
        Assert.Equal(254, email.Length);

        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", email));

        Assert.Empty(errors);
    }

    [Fact]
    public void An_address_of_255_characters_is_invalid()
    {
        var email = new string('a', 255 - "@mois.go.kr".Length) + "@mois.go.kr";
        Assert.Equal(255, email.Length);

        var errors = Errors.Of(e => Rules.OptionalEmail(e, "contactEmail", email));

        Assert.Equal([Invalid], errors["contactEmail"]);
    }
}
