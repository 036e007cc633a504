using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Validation;

namespace Census.Domain.Rounds;

/// <summary>Validation of a round definition (api.md "Rounds") and of its lifecycle transitions.</summary>
public static class RoundRules
{
    public const int MaxTitleLength = 300;
    // The census selects 100; the exact solver grows with the square of the quota, so keep it bounded.
    public const int MaxQuota = 1_000;

    public static ValidationErrors Validate(RoundDefinition? definition)
    {
        var errors = new ValidationErrors();
        if (definition is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.Id(errors, "id", definition.Id);
        Rules.RequiredText(errors, "title", definition.Title, MaxTitleLength);
        if (definition.Deadline is null)
        {
            errors.Add("deadline", "is required.");
        }

        ValidateSelection(errors, definition.Selection);
        if (definition.Weights is not null)
        {
            foreach (var (path, messages) in RubricWeightsRules.Validate(definition.Weights, "weights").ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(path, message);
                }
            }
        }

        if (definition.Institutions is { } institutions)
        {
            if (institutions.Count == 0)
            {
                errors.Add("institutions", "must list at least one institution, or be left out to invite every institution.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < institutions.Count; i++)
            {
                Rules.Id(errors, $"institutions[{i}]", institutions[i]);
                if (institutions[i] is { } id && !seen.Add(id))
                {
                    errors.Add($"institutions[{i}]", "appears more than once.");
                }
            }
        }

        return errors;
    }

    private static void ValidateSelection(ValidationErrors errors, SelectionPolicy? selection)
    {
        if (selection is null)
        {
            errors.Add("selection", "is required.");
            return;
        }

        if (selection.Quota is null)
        {
            errors.Add("selection.quota", "is required.");
        }
        else if (selection.Quota is < 1 or > MaxQuota)
        {
            errors.Add("selection.quota", $"must be between 1 and {MaxQuota}.");
        }

        if (selection.MaxPerInstitution is < 1)
        {
            errors.Add("selection.maxPerInstitution", "must be 1 or more.");
        }

        foreach (var (sector, min) in selection.SectorMin ?? new Dictionary<Sector, int>())
        {
            if (min < 0)
            {
                errors.Add($"selection.sectorMin.{Names.Of(sector)}", "must be 0 or more.");
            }

            if (selection.SectorMax?.TryGetValue(sector, out var max) == true && max < min)
            {
                errors.Add($"selection.sectorMin.{Names.Of(sector)}", $"must not exceed selection.sectorMax.{Names.Of(sector)}.");
            }
        }

        foreach (var (sector, max) in selection.SectorMax ?? new Dictionary<Sector, int>())
        {
            if (max < 0)
            {
                errors.Add($"selection.sectorMax.{Names.Of(sector)}", "must be 0 or more.");
            }
        }
    }

    /// <summary>Whether a round in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(RoundState from, RoundState to) => (from, to) switch
    {
        (RoundState.Draft, RoundState.Open) => true,
        (RoundState.Open, RoundState.Closed) => true,
        (RoundState.Closed, RoundState.Finalized) => true,
        _ => false,
    };

    /// <summary>Whether a write at <paramref name="now"/> is accepted: the round is open and its deadline not reached.</summary>
    public static bool AcceptsWrites(RoundState state, DateTimeOffset deadline, DateTimeOffset now) =>
        state == RoundState.Open && now < deadline;

    /// <summary>Whether a round in <paramref name="state"/> may be ranked: its records exist and may still be read.</summary>
    public static bool CanRank(RoundState state) => state is RoundState.Open or RoundState.Closed;

    /// <summary>Whether a round in <paramref name="state"/> may get a new rubric version: not once its selection is official.</summary>
    public static bool CanChangeRubric(RoundState state) => state != RoundState.Finalized;

    /// <summary>
    /// Whether the run numbered <paramref name="runNumber"/> (1-based, in start order) may be finalized in a round
    /// that had started <paramref name="runsStartedAtClose"/> runs when it closed. Only a run started after the
    /// close read the index as it stays: an earlier run may hold a record withdrawn or changed before the close.
    /// Decided by the round's own sequence of runs, never by clocks.
    /// </summary>
    public static bool CanFinalizeWith(int runNumber, int runsStartedAtClose) => runNumber > runsStartedAtClose;
}
