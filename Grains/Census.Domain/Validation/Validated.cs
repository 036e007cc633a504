namespace Census.Domain.Validation;

/// <summary>Either a valid value or the field errors that prevented it.</summary>
public readonly record struct Validated<T>(T? Value, ValidationErrors? Errors)
    where T : class
{
    public bool IsValid => Errors is null || Errors.IsValid;

    public static Validated<T> Ok(T value) => new(value, null);

    public static Validated<T> Invalid(ValidationErrors errors) => new(null, errors);
}
