using Census.Contracts.Institutions;
using Census.Domain.Validation;

namespace Census.Domain.Institutions;

/// <summary>Validation of an institution registration.</summary>
public static class InstitutionRules
{
    public const int MaxNameLength = 200;

    public static Validated<InstitutionProfile> Validate(InstitutionRegistration? registration)
    {
        if (registration is null)
        {
            return Validated<InstitutionProfile>.Invalid(ValidationErrors.For("$", "A JSON object is required."));
        }

        var errors = new ValidationErrors();
        Rules.Id(errors, "id", registration.Id);
        Rules.RequiredText(errors, "name", registration.Name, MaxNameLength);
        Rules.OptionalText(errors, "nameEn", registration.NameEn, MaxNameLength);
        Rules.Required(errors, "kind", registration.Kind);
        Rules.Required(errors, "sector", registration.Sector);
        Rules.OptionalEmail(errors, "contactEmail", registration.ContactEmail);
        if (!errors.IsValid)
        {
            return Validated<InstitutionProfile>.Invalid(errors);
        }

        return Validated<InstitutionProfile>.Ok(new InstitutionProfile(
            registration.Id!,
            registration.Name!.Trim(),
            string.IsNullOrWhiteSpace(registration.NameEn) ? null : registration.NameEn.Trim(),
            registration.Kind!.Value,
            registration.Sector!.Value,
            registration.ContactEmail));
    }
}
