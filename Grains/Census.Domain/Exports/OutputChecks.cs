using Census.Contracts.Exports;

namespace Census.Domain.Exports;

/// <summary>
/// The automatic output checks (provision.md §2 "Output checking"). A table fails when any cell counts 1 to 9 units
/// (threshold 10; a zero cell discloses no unit and is reported to the checkers, not failed) and, for magnitude
/// tables, when a cell's two largest contributions make 90% or more of its total (dominance: one contributor could
/// subtract their own share and learn the other's). Models always need manual review, and figures, text and code have
/// no figures a machine can check: their outcome is manual review, never an automatic pass. Every comparison is exact:
/// counts are whole numbers and magnitudes are compared as <c>10 × (largest + second) ≥ 9 × total</c> on whole
/// numbers at a shared scale.
/// </summary>
public static class OutputChecks
{
    /// <summary>The smallest count a published cell may have, unless it is zero.</summary>
    public const long Threshold = 10;

    /// <summary>The share of a cell's total that its two largest contributions may not reach.</summary>
    public const int DominancePercent = 90;

    public static ExportChecks Check(IReadOnlyList<ExportFile> files)
    {
        var checks = files.Select(Check).ToList();
        var outcome = checks.Any(c => c.Outcome == CheckOutcome.Fail) ? CheckOutcome.Fail
            : checks.Any(c => c.Outcome == CheckOutcome.ManualReview) ? CheckOutcome.ManualReview
            : CheckOutcome.Pass;
        return new ExportChecks(outcome, checks);
    }

    public static FileCheck Check(ExportFile file)
    {
        if (file.Type != ExportFileType.Table)
        {
            var why = file.Type == ExportFileType.Model
                ? "A model always needs a checker's manual review: what it memorised cannot be checked automatically."
                : $"A {Census.Domain.Validation.Names.Of(file.Type)} file has no figures to check automatically: a checker reviews it.";
            return new FileCheck(file.Path, file.Type, CheckOutcome.ManualReview, [], why);
        }

        var findings = new List<CellFinding>();
        for (var i = 0; i < file.Cells.Count; i++)
        {
            findings.AddRange(Findings(i, file.Cells[i]));
        }

        var failing = findings.Count(f => f.Fails);
        return failing == 0
            ? new FileCheck(file.Path, file.Type, CheckOutcome.Pass, findings, $"Every cell of {file.Cells.Count} passes.")
            : new FileCheck(file.Path, file.Type, CheckOutcome.Fail, findings, $"{failing} finding(s) fail in {file.Cells.Count} cell(s).");
    }

    /// <summary>Whether a count is disclosive: 1 to <see cref="Threshold"/> − 1 units.</summary>
    public static bool BelowThreshold(long count) => count is > 0 and < Threshold;

    /// <summary>Whether the two largest contributions make <see cref="DominancePercent"/>% or more of a positive total.</summary>
    public static bool Dominated(decimal largest, decimal second, decimal total)
    {
        var whole = ExactDecimal.AtCommonScale(largest, second, total);
        return whole[2] > 0 && 100 * (whole[0] + whole[1]) >= DominancePercent * whole[2];
    }

    private static IEnumerable<CellFinding> Findings(int index, ExportCell cell)
    {
        if (cell.Count == 0)
        {
            yield return new CellFinding(index, cell.Key, CellFindingKind.Zero, false, "The cell counts no units (reported, not failed).");
        }
        else if (BelowThreshold(cell.Count))
        {
            yield return new CellFinding(index, cell.Key, CellFindingKind.BelowThreshold, true,
                $"The cell counts {cell.Count} unit(s): fewer than {Threshold}.");
        }

        if (cell is { Largest: { } largest, Second: { } second, Total: { } total })
        {
            if (total == 0)
            {
                yield return new CellFinding(index, cell.Key, CellFindingKind.ZeroTotal, false, "The cell's total is zero (reported, not failed).");
            }
            else if (Dominated(largest, second, total))
            {
                yield return new CellFinding(index, cell.Key, CellFindingKind.Dominance, true,
                    $"The two largest contributions ({largest} + {second}) are {DominancePercent}% or more of the total {total}.");
            }
        }
    }
}
