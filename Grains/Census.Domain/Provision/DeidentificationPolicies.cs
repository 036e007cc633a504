using Census.Contracts.Provision;
using Census.Domain.Validation;

namespace Census.Domain.Provision;

/// <summary>The de-identification policy's defaults and the bounds an admin's new version must stay within (provision.md §1).</summary>
public static class DeidentificationPolicies
{
    public const int MinK = 2;
    public const int MaxK = 1000;
    public const int MinL = 1;
    public const int MaxL = 100;

    /// <summary>Version 1, in force until an admin sets another: k 5, l 2, t 0.2, r 0.2, miss rate 0.005.</summary>
    public static DeidentificationPolicy Default { get; } = new(
        Version: 1, K: 5, L: 2, T: 0.2m, R: 0.2m, MissRateThreshold: 0.005m, SetAt: DateTimeOffset.UnixEpoch, SetBy: "system");

    /// <summary>Checks a new version: k 2..1000, l 1..100, t in [0, 1], r in (0, 1], missRateThreshold in [0, 1]. Null when valid.</summary>
    public static ValidationErrors? Validate(DeidentificationPolicyDefinition? definition)
    {
        var errors = new ValidationErrors();
        if (definition is null)
        {
            return errors.Add("$", "is required.");
        }

        Range(errors, "k", definition.K, MinK, MaxK);
        Range(errors, "l", definition.L, MinL, MaxL);
        Fraction(errors, "t", definition.T, zeroAllowed: true);
        Fraction(errors, "r", definition.R, zeroAllowed: false);
        Fraction(errors, "missRateThreshold", definition.MissRateThreshold, zeroAllowed: true);
        return errors.IsValid ? null : errors;
    }

    private static void Range(ValidationErrors errors, string path, int? value, int min, int max)
    {
        if (value is null)
        {
            errors.Add(path, "is required.");
        }
        else if (value < min || value > max)
        {
            errors.Add(path, $"must be between {min} and {max}.");
        }
    }

    private static void Fraction(ValidationErrors errors, string path, decimal? value, bool zeroAllowed)
    {
        if (value is null)
        {
            errors.Add(path, "is required.");
        }
        else if (value > 1 || value < 0 || (!zeroAllowed && value == 0))
        {
            errors.Add(path, zeroAllowed ? "must be between 0 and 1." : "must be more than 0 and at most 1.");
        }
    }
}
