using Census.Contracts.Access;
using Census.Domain.Validation;

namespace Census.Domain.Access;

/// <summary>Validation of a user organisation's registration and verification.</summary>
public static class OrganisationRules
{
    public const int MaxNameLength = 200;
    public const int MaxRegistrationNumberLength = 50;
    public const int MaxNoteLength = 500;

    public static Validated<Organisation> Validate(OrganisationRegistration? registration, DateTimeOffset now, string actor)
    {
        if (registration is null)
        {
            return Validated<Organisation>.Invalid(ValidationErrors.For("$", "A JSON object is required."));
        }

        var errors = new ValidationErrors();
        Rules.Id(errors, "id", registration.Id);
        Rules.RequiredText(errors, "name", registration.Name, MaxNameLength);
        Rules.Required(errors, "kind", registration.Kind);
        Rules.OptionalText(errors, "registrationNumber", registration.RegistrationNumber, MaxRegistrationNumberLength);
        return errors.IsValid
            ? Validated<Organisation>.Ok(new Organisation(
                registration.Id!, registration.Name!.Trim(), registration.Kind!.Value, registration.RegistrationNumber?.Trim(),
                now, actor, null, null, null))
            : Validated<Organisation>.Invalid(errors);
    }

    public static ValidationErrors ValidateVerification(OrganisationVerification? verification)
    {
        var errors = new ValidationErrors();
        if (verification is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.RequiredText(errors, "note", verification.Note, MaxNoteLength);
        return errors;
    }
}
