using Census.Contracts.Principals;
using Census.Domain.Validation;

namespace Census.Domain.Principals;

/// <summary>Validation of a principal's registration.</summary>
public static class PrincipalRules
{
    public const int MaxNameLength = 200;

    public static Validated<Principal> Validate(PrincipalRegistration? registration)
    {
        if (registration is null)
        {
            return Validated<Principal>.Invalid(ValidationErrors.For("$", "A JSON object is required."));
        }

        var errors = new ValidationErrors();
        Rules.Id(errors, "id", registration.Id);
        Rules.RequiredText(errors, "name", registration.Name, MaxNameLength);
        Rules.Required(errors, "role", registration.Role);
        Rules.Id(errors, "organisation", registration.Organisation);
        Rules.OptionalEmail(errors, "contactEmail", registration.ContactEmail);
        if (!errors.IsValid)
        {
            return Validated<Principal>.Invalid(errors);
        }

        return Validated<Principal>.Ok(new Principal(
            registration.Id!, registration.Name!.Trim(), registration.Role!.Value, registration.Organisation!,
            registration.ContactEmail, default));
    }
}
