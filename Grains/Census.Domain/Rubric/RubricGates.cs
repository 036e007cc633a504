namespace Census.Domain.Rubric;

/// <summary>
/// The rubric's eligibility gates (rubric.md): their names, what each one checks, and their packed
/// form in the survey index (one bit a gate), spelled here once.
/// </summary>
public static class RubricGates
{
    /// <summary>Gate names in order; bit <c>1 &lt;&lt; i</c> of the packed form is gate <c>All[i]</c>.</summary>
    public static readonly IReadOnlyList<string> All = ["G1", "G2", "G3"];

    /// <summary>What each gate checks, as the record's JSON path names it.</summary>
    public static readonly IReadOnlyList<string> Checks = ["lawfulToProvide", "license", "availability.afterProcessing"];

    /// <summary>The failed gates packed as bits (G1 = 1, G2 = 2, G3 = 4).</summary>
    public static int ToBits(IEnumerable<string> failedGates)
    {
        ArgumentNullException.ThrowIfNull(failedGates);
        var bits = 0;
        foreach (var gate in failedGates)
        {
            var i = IndexOf(gate);
            bits |= i < 0 ? 0 : 1 << i;
        }

        return bits;
    }

    /// <summary>The failed gates of a packed value, in order.</summary>
    public static IReadOnlyList<string> FromBits(int bits) =>
        [.. Enumerable.Range(0, All.Count).Where(i => (bits & (1 << i)) != 0).Select(i => All[i])];

    /// <summary>A failed gate with what it checks (<c>G2 license</c>), for explanations.</summary>
    public static string Describe(string gate)
    {
        var i = IndexOf(gate);
        return i < 0 ? gate : $"{gate} {Checks[i]}";
    }

    private static int IndexOf(string gate)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], gate, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
