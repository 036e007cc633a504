using Census.Contracts.Surveys;
using Census.Domain.Validation;

namespace Census.Domain.Rubric;

/// <summary>
/// Validation of a rubric's weights (rubric.md "Shape"): c1..c10 each present and ≥ 0, summing to
/// exactly 100. Whole numbers are the JSON layer's job; the type already holds only integers.
/// </summary>
public static class RubricWeightsRules
{
    public const int Total = 100;

    /// <summary>
    /// Checks <paramref name="weights"/>, keying errors under <paramref name="pathPrefix"/>: with
    /// <c>"weights"</c> a weight's error is under <c>weights.c1</c> and the sum's under <c>weights</c>;
    /// with <c>""</c> (the weights are the whole body) they are under <c>c1</c> and <c>$</c>.
    /// </summary>
    public static ValidationErrors Validate(RubricWeights? weights, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        var errors = new ValidationErrors();
        var root = pathPrefix.Length == 0 ? "$" : pathPrefix;
        if (weights is null)
        {
            return errors.Add(root, "is required.");
        }

        int?[] values = [weights.C1, weights.C2, weights.C3, weights.C4, weights.C5, weights.C6, weights.C7, weights.C8, weights.C9, weights.C10];
        for (var i = 0; i < values.Length; i++)
        {
            var path = pathPrefix.Length == 0 ? $"c{i + 1}" : $"{pathPrefix}.c{i + 1}";
            if (values[i] is null)
            {
                errors.Add(path, "is required.");
            }
            else if (values[i] < 0)
            {
                errors.Add(path, "must be 0 or more.");
            }
        }

        // A sum over missing weights would only repeat the "is required" errors, so it waits for all ten.
        if (values.All(v => v is not null))
        {
            var sum = values.Sum(v => (long)v!.Value);
            if (sum != Total)
            {
                errors.Add(root, $"must sum to {Total} (got {sum}).");
            }
        }

        return errors;
    }
}
