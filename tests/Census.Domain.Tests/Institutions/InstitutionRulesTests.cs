namespace Census.Domain.Tests.Institutions;

public sealed class InstitutionRulesTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(InstitutionRegistration? registration)
    {
        var result = InstitutionRules.Validate(registration);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        return result.Errors!.ToDictionary();
    }

    [Fact]
    public void A_valid_registration_becomes_a_profile_with_the_same_fields()
    {
        var registration = Registrations.Valid();

        var result = InstitutionRules.Validate(registration);

        Assert.True(result.IsValid);
        Assert.Equal(
            new InstitutionProfile(
                "mois",
                "행정안전부",
                "Ministry of the Interior and Safety",
                InstitutionKind.CentralGovernment,
                Sector.PublicAdministration,
                "data@mois.go.kr"),
            result.Value);
    }

    [Fact]
    public void Only_the_required_fields_make_a_valid_registration()
    {
        var registration = Registrations.Valid() with { NameEn = null, ContactEmail = null };

        var result = InstitutionRules.Validate(registration);

        Assert.True(result.IsValid);
        Assert.Null(result.Value!.NameEn);
        Assert.Null(result.Value.ContactEmail);
    }

    [Fact]
    public void A_missing_body_is_an_error_on_the_root()
    {
        var errors = ErrorsOf(null);

        Assert.Equal(["$"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mois")]
    [InlineData("m")]
    [InlineData("-mois")]
    [InlineData("행정안전부")]
    public void A_missing_or_malformed_id_is_an_error_on_id(string? id)
    {
        var errors = ErrorsOf(Registrations.Valid() with { Id = id });

        Assert.Equal(["id"], errors.Keys);
    }

    [Fact]
    public void An_id_with_a_trailing_line_break_is_an_error_on_id()
    {
        var errors = ErrorsOf(Registrations.Valid() with { Id = "mois\n" });

        Assert.Equal(["id"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_name_is_an_error_on_name(string? name)
    {
        var errors = ErrorsOf(Registrations.Valid() with { Name = name });

        Assert.Equal(["name"], errors.Keys);
    }

    [Fact]
    public void A_name_of_200_korean_characters_is_valid()
    {
        var registration = Registrations.Valid() with { Name = new string('가', InstitutionRules.MaxNameLength) };

        var result = InstitutionRules.Validate(registration);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void A_name_of_201_characters_is_an_error_on_name()
    {
        var errors = ErrorsOf(Registrations.Valid() with { Name = new string('가', InstitutionRules.MaxNameLength + 1) });

        Assert.Equal(["name"], errors.Keys);
    }

    [Fact]
    public void A_name_with_a_control_character_is_an_error_on_name()
    {
        var errors = ErrorsOf(Registrations.Valid() with { Name = "행정\u0000안전부" });

        Assert.Equal(["name"], errors.Keys);
    }

    [Fact]
    public void An_english_name_of_201_characters_is_an_error_on_name_en()
    {
        var errors = ErrorsOf(Registrations.Valid() with { NameEn = new string('a', InstitutionRules.MaxNameLength + 1) });

        Assert.Equal(["nameEn"], errors.Keys);
    }

    [Fact]
    public void A_missing_kind_is_an_error_on_kind()
    {
        var errors = ErrorsOf(Registrations.Valid() with { Kind = null });

        Assert.Equal(["kind"], errors.Keys);
    }

    [Fact]
    public void A_missing_sector_is_an_error_on_sector()
    {
        var errors = ErrorsOf(Registrations.Valid() with { Sector = null });

        Assert.Equal(["sector"], errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("data@mois")]
    public void A_malformed_contact_email_is_an_error_on_contact_email(string email)
    {
        var errors = ErrorsOf(Registrations.Valid() with { ContactEmail = email });

        Assert.Equal(["contactEmail"], errors.Keys);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var registration = new InstitutionRegistration { Id = "X", NameEn = "\u0001", ContactEmail = "nope" };

        var errors = ErrorsOf(registration);

        Assert.Equal(
            ["contactEmail", "id", "kind", "name", "nameEn", "sector"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_name_is_trimmed()
    {
        var registration = Registrations.Valid() with { Name = "  행정안전부 \t" };

        var result = InstitutionRules.Validate(registration);

        Assert.Equal("행정안전부", result.Value!.Name);
    }

    [Fact]
    public void The_english_name_is_trimmed()
    {
        var registration = Registrations.Valid() with { NameEn = " Ministry of the Interior and Safety  " };

        var result = InstitutionRules.Validate(registration);

        Assert.Equal("Ministry of the Interior and Safety", result.Value!.NameEn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_english_name_becomes_none(string nameEn)
    {
        var registration = Registrations.Valid() with { NameEn = nameEn };

        var result = InstitutionRules.Validate(registration);

        Assert.True(result.IsValid);
        Assert.Null(result.Value!.NameEn);
    }
}
