namespace Census.Domain.Selection;

/// <summary>
/// The cost of a flow path, compared lexicographically: first the sector-minimum units it fills (negated, so filling
/// them comes first), then the post quarter-points it selects (negated), then the sum of the ranking positions it
/// selects (so of two selections with the same total, the one with earlier records wins). A vector cost instead of
/// one number weighted by "big M" factors: it cannot overflow, and Dijkstra works over any ordered group.
/// </summary>
internal readonly record struct SelectionCost(long Minimums, long Post, long Positions) : IComparable<SelectionCost>
{
    public static SelectionCost Zero => default;

    /// <summary>Using one unit of a sector's minimum.</summary>
    public static SelectionCost MinimumUnit => new(-1, 0, 0);

    /// <summary>Selecting the record at ranking position <paramref name="position"/>.</summary>
    public static SelectionCost Selecting(int postQuarterPoints, int position) => new(0, -postQuarterPoints, position);

    public static SelectionCost operator +(SelectionCost a, SelectionCost b) =>
        new(a.Minimums + b.Minimums, a.Post + b.Post, a.Positions + b.Positions);

    public static SelectionCost operator -(SelectionCost a, SelectionCost b) =>
        new(a.Minimums - b.Minimums, a.Post - b.Post, a.Positions - b.Positions);

    public static SelectionCost operator -(SelectionCost a) => new(-a.Minimums, -a.Post, -a.Positions);

    public static bool operator <(SelectionCost a, SelectionCost b) => a.CompareTo(b) < 0;

    public static bool operator >(SelectionCost a, SelectionCost b) => a.CompareTo(b) > 0;

    public static bool operator <=(SelectionCost a, SelectionCost b) => a.CompareTo(b) <= 0;

    public static bool operator >=(SelectionCost a, SelectionCost b) => a.CompareTo(b) >= 0;

    public static SelectionCost Min(SelectionCost a, SelectionCost b) => a <= b ? a : b;

    public int CompareTo(SelectionCost other)
    {
        var byMinimums = Minimums.CompareTo(other.Minimums);
        if (byMinimums != 0)
        {
            return byMinimums;
        }

        var byPost = Post.CompareTo(other.Post);
        return byPost != 0 ? byPost : Positions.CompareTo(other.Positions);
    }
}
