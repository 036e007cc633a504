using System.Globalization;
using Census.Contracts.Provision;
using Census.Domain.Validation;

namespace Census.Domain.Provision;

/// <summary>
/// Unstructured de-identification evidence (provision.md §1): per identifier type, the tool used and a hand check of a
/// random sample. A check passes when the upper 95% Wilson bound of its miss rate is within the policy's threshold and
/// the sample has at least <see cref="MinimumSample"/> items — a smaller sample never passes, whatever it found.
/// </summary>
public static class IdentifierChecks
{
    public const string Root = "checks";
    public const int MinimumSample = 300;
    public const int MaxChecks = 50;
    public const int MaxToolLength = 200;

    /// <summary>Judges one validated check by the policy's miss-rate threshold.</summary>
    public static IdentifierCheckResult Judge(IdentifierCheck check, DeidentificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(policy);
        var type = check.IdentifierType ?? throw new ArgumentException("The check has no identifier type.", nameof(check));
        var n = check.SampleSize ?? throw new ArgumentException("The check has no sample size.", nameof(check));
        var m = check.Misses ?? throw new ArgumentException("The check has no misses.", nameof(check));
        var bound = WilsonBound.Upper(n, m);
        var (passed, reason) = (n >= MinimumSample, bound <= policy.MissRateThreshold) switch
        {
            (false, _) => (false, $"A sample of {N(n)} is under {N(MinimumSample)}: too small to pass, whatever it found."),
            (true, false) => (false, $"{N(m)} misses in {N(n)}: the miss rate may be as high as {D(bound)}, above {D(policy.MissRateThreshold)}."),
            (true, true) => (true, $"{N(m)} misses in {N(n)}: the miss rate is at most {D(bound)} (95%), within {D(policy.MissRateThreshold)}."),
        };
        return new IdentifierCheckResult(type, check.Tool ?? "", n, m, bound, passed, reason);
    }

    /// <summary>
    /// Checks a list of identifier checks: 1–50 of them, each with a known identifier type (no type twice), a tool of
    /// 1–200 characters, a sample size ≥ 1 and misses 0..n. Errors are keyed <c>checks[0].misses</c>; null when valid.
    /// </summary>
    public static ValidationErrors? Validate(IReadOnlyList<IdentifierCheck>? checks)
    {
        var errors = new ValidationErrors();
        if (checks is null)
        {
            return errors.Add(Root, "is required.");
        }

        if (checks.Count is 0 or > MaxChecks)
        {
            errors.Add(Root, $"must have 1 to {MaxChecks} checks (got {checks.Count}).");
        }

        var seen = new HashSet<IdentifierType>();
        for (var i = 0; i < checks.Count; i++)
        {
            var path = $"{Root}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (checks[i] is not { } check)
            {
                errors.Add(path, "is required.");
                continue;
            }

            if (check.IdentifierType is not { } type)
            {
                errors.Add(path + ".identifierType", "is required.");
            }
            else if (!Enum.IsDefined(type))
            {
                errors.Add(path + ".identifierType", "is not a known value.");
            }
            else if (!seen.Add(type))
            {
                errors.Add(path + ".identifierType", $"'{Names.Of(type)}' is listed twice.");
            }

            Rules.RequiredText(errors, path + ".tool", check.Tool, MaxToolLength);
            if (check.SampleSize is not { } n)
            {
                errors.Add(path + ".sampleSize", "is required.");
            }
            else if (n < 1)
            {
                errors.Add(path + ".sampleSize", "must be 1 or more.");
            }

            if (check.Misses is not { } m)
            {
                errors.Add(path + ".misses", "is required.");
            }
            else if (m < 0)
            {
                errors.Add(path + ".misses", "must be 0 or more.");
            }
            else if (check.SampleSize is { } size && size >= 1 && m > size)
            {
                errors.Add(path + ".misses", $"must not be more than sampleSize ({N(size)}).");
            }
        }

        return errors.IsValid ? null : errors;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
