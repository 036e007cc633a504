using Census.Contracts.Exports;
using Census.Domain.Releases;
using Census.Domain.Validation;

namespace Census.Domain.Exports;

/// <summary>The rules of export requests and of the output checkers' decisions (provision.md §2 "Output checking").</summary>
public static class ExportRules
{
    public const int MaxFiles = 100;
    public const int MaxCells = 10_000;
    public const int MaxCellKeyLength = 200;
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 2000;
    public const int MaxGrantIdLength = 100;

    /// <summary>Distinct checkers whose approvals let the files out.</summary>
    public const int ApprovalsNeeded = 2;

    /// <summary>The largest magnitude (contribution or total) taken: far beyond any real figure, and well inside decimal's range.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000_000m;

    public static Validated<ExportSubmission> Validate(NewExport? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            return Validated<ExportSubmission>.Invalid(errors.Add("$", "A body is required."));
        }

        Rules.RequiredText(errors, "grantId", request.GrantId, MaxGrantIdLength);
        Rules.OptionalText(errors, "notes", request.Notes, MaxNotesLength);
        var files = new List<ExportFile>();
        if (request.Files is not { Count: > 0 and <= MaxFiles })
        {
            errors.Add("files", $"must list from 1 to {MaxFiles} files.");
        }
        else
        {
            for (var i = 0; i < request.Files.Count; i++)
            {
                if (File(errors, $"files[{i}]", request.Files[i]) is { } file)
                {
                    files.Add(file);
                }
            }

            foreach (var repeated in files.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add("files", $"names '{repeated.Key}' more than once.");
            }
        }

        return errors.IsValid
            ? Validated<ExportSubmission>.Ok(new ExportSubmission(request.GrantId!, files, request.Notes))
            : Validated<ExportSubmission>.Invalid(errors);
    }

    public static ValidationErrors Validate(ExportDecisionEntry? entry)
    {
        var errors = new ValidationErrors();
        if (entry is null)
        {
            return errors.Add("$", "A body is required.");
        }

        Rules.Required(errors, "decision", entry.Decision);
        Rules.RequiredText(errors, "reason", entry.Reason, MaxReasonLength);
        return errors;
    }

    /// <summary>
    /// A checker's decision on <paramref name="request"/>: refused when the checker is the requester or of their
    /// organisation, when the request is closed or the checker already decided, and — the careful choice — when they
    /// approve while an automatic check fails: a failing table must be changed and asked again, whatever the reason.
    /// Otherwise a rejection rejects and the second distinct approval approves.
    /// </summary>
    public static ExportDecisionResult Decide(ExportRequest request, CheckerDecision decision, DateTimeOffset now)
    {
        var checker = decision.Checker;
        if (checker.Id == request.RequesterId || checker.Organisation == request.OrganisationId)
        {
            return Refused(ExportDecisionOutcome.NotIndependent, request,
                "An output checker may not decide on an export of their own or of their own organisation.");
        }

        if (request.Decisions.Any(d => d.Checker == checker.Id))
        {
            return Refused(ExportDecisionOutcome.AlreadyDecided, request, "This checker has already decided on this export.");
        }

        if (request.Status is ExportStatus.Approved or ExportStatus.Rejected)
        {
            return Refused(ExportDecisionOutcome.Closed, request, $"The export is already {Names.Of(request.Status)}.");
        }

        if (decision.Verdict == ExportVerdict.Approve && request.Checks.Outcome == CheckOutcome.Fail)
        {
            return Refused(ExportDecisionOutcome.ChecksFail, request,
                "An automatic check fails: the export cannot be approved; reject it, or let the requester ask again with safe tables.");
        }

        var decisions = request.Decisions.Append(new ExportDecision(checker.Id, checker.Organisation, decision.Verdict, decision.Reason, now, decision.Actor)).ToList();
        var approvals = decisions.Count(d => d.Decision == ExportVerdict.Approve);
        var status = decision.Verdict == ExportVerdict.Reject ? ExportStatus.Rejected
            : approvals >= ApprovalsNeeded ? ExportStatus.Approved
            : ExportStatus.InCheck;
        var closed = status is ExportStatus.Approved or ExportStatus.Rejected;
        return new ExportDecisionResult(ExportDecisionOutcome.Decided,
            request with { Decisions = decisions, Status = status, DecidedAt = closed ? now : null }, null);
    }

    /// <summary>Whether the requester may download the files: only once two checkers approved.</summary>
    public static bool Downloadable(ExportRequest request) => request.Status == ExportStatus.Approved;

    /// <summary>
    /// The queue an export of this status is listed in: <c>open</c> while it awaits checkers (submitted, in-check),
    /// then <c>approved</c> or <c>rejected</c>. A first approval keeps it in the queue the second checker reads.
    /// </summary>
    public static string QueueOf(ExportStatus status) => status switch
    {
        ExportStatus.Approved => "approved",
        ExportStatus.Rejected => "rejected",
        _ => "open",
    };

    public static ExportSummary Summary(ExportRequest request) => new(
        request.Id, request.RequesterId, request.OrganisationId, request.InstitutionId, request.DatasetId, request.Status,
        request.Checks.Outcome, request.Files.Count, request.Decisions.Count(d => d.Decision == ExportVerdict.Approve), request.SubmittedAt);

    private static ExportDecisionResult Refused(ExportDecisionOutcome outcome, ExportRequest request, string detail) => new(outcome, request, detail);

    private static ExportFile? File(ValidationErrors errors, string path, NewExportFile? file)
    {
        if (file is null)
        {
            errors.Add(path, "is required.");
            return null;
        }

        var before = errors.ToDictionary().Count;
        if (ReleasePaths.Problem(file.Path) is { } pathProblem)
        {
            errors.Add($"{path}.path", pathProblem);
        }

        Rules.Required(errors, $"{path}.type", file.Type);
        ContentHashes.Sha256(errors, $"{path}.sha256", file.Sha256);
        ContentHashes.Size(errors, $"{path}.bytes", file.Bytes);
        var cells = new List<ExportCell>();
        if (file.Type == ExportFileType.Table)
        {
            if (file.Cells is not { Count: > 0 and <= MaxCells })
            {
                errors.Add($"{path}.cells", $"a table must list its cells: from 1 to {MaxCells}.");
            }
            else
            {
                for (var i = 0; i < file.Cells.Count; i++)
                {
                    if (Cell(errors, $"{path}.cells[{i}]", file.Cells[i]) is { } cell)
                    {
                        cells.Add(cell);
                    }
                }

                foreach (var repeated in cells.GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    errors.Add($"{path}.cells", $"names the cell '{repeated.Key}' more than once.");
                }
            }
        }
        else if (file.Type is not null && file.Cells is not null)
        {
            errors.Add($"{path}.cells", "only tables have cells.");
        }

        return errors.ToDictionary().Count == before
            ? new ExportFile(file.Path!, file.Type!.Value, file.Sha256!, file.Bytes!.Value, cells)
            : null;
    }

    private static ExportCell? Cell(ValidationErrors errors, string path, NewExportCell? cell)
    {
        if (cell is null)
        {
            errors.Add(path, "is required.");
            return null;
        }

        var before = errors.ToDictionary().Count;
        Rules.RequiredText(errors, $"{path}.key", cell.Key, MaxCellKeyLength);
        if (cell.Count is null)
        {
            errors.Add($"{path}.count", "is required.");
        }
        else if (cell.Count < 0)
        {
            errors.Add($"{path}.count", "must be 0 or more.");
        }

        var given = new[] { cell.Largest, cell.Second, cell.Total }.Count(v => v is not null);
        if (given is 1 or 2)
        {
            errors.Add(path, "a magnitude cell gives all three of largest, second and total; a count-only cell none.");
        }
        else if (given == 3)
        {
            Magnitude(errors, $"{path}.largest", cell.Largest!.Value);
            Magnitude(errors, $"{path}.second", cell.Second!.Value);
            Magnitude(errors, $"{path}.total", cell.Total!.Value);
            if (errors.ToDictionary().Count == before)
            {
                var whole = ExactDecimal.AtCommonScale(cell.Largest.Value, cell.Second.Value, cell.Total.Value);
                if (whole[1] > whole[0])
                {
                    errors.Add($"{path}.second", "must not be more than largest.");
                }
                else if (whole[0] + whole[1] > whole[2])
                {
                    errors.Add($"{path}.total", "must be at least largest + second: they are contributions to it.");
                }
            }
        }

        return errors.ToDictionary().Count == before
            ? new ExportCell(cell.Key!, cell.Count!.Value, cell.Largest, cell.Second, cell.Total)
            : null;
    }

    private static void Magnitude(ValidationErrors errors, string path, decimal value)
    {
        if (value is < 0 or > MaxMagnitude)
        {
            errors.Add(path, $"must be from 0 to {MaxMagnitude}.");
        }
    }
}
