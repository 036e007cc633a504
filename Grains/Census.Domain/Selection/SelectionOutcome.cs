namespace Census.Domain.Selection;

/// <summary>Whether a selection meeting every bound exists.</summary>
public enum SelectionOutcome
{
    /// <summary>A selection of the greatest size the bounds allow (up to the quota), with the greatest total post score.</summary>
    Selected,

    /// <summary>The sector minimums cannot all be met; the result's reason names the failing bound.</summary>
    Infeasible,
}
