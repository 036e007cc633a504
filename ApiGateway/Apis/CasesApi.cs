using System.Security.Claims;
using System.Security.Cryptography;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Surveys;
using Census.Domain.Cases;
using Census.Domain.Provision;
using Census.Domain.Surveys;
using Census.Exchange.Evidence;
using Microsoft.AspNetCore.Http.Features;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Processing cases (provision.md §1): one per selected dataset, opened by the round's finalization. The institution's
/// agency (the processor) works the tasks, attaches evidence and delivers the processed record; admins assign reviewers
/// and decide the tier; assigned reviewers vote. Every rule is the domain's; each route maps a case's refusal to its status.
/// </summary>
public static class CasesApi
{
    /// <summary>The largest equivalence-class table accepted: a million classes of a few columns fit well inside it.</summary>
    public const long MaxTableBytes = 512L * 1024 * 1024;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var round = routes.MapGroup("/api/v1/rounds/{roundId}").WithTags("Processing");
        round.MapGet("/cases", List).RequireAuthorization(CensusRoles.ProvisionPolicy)
            .WithName("ListCases").WithSummary("The round's processing cases in rank order: all for admins, the institution's own for an agency, the assigned ones for a reviewer.");
        round.MapGet("/promise-gap", Gap).RequireAuthorization(CensusRoles.MemberPolicy)
            .WithName("GetPromiseGap").WithSummary("Delivered − promised score per criterion, by dataset, institution or sector (JSON, or CSV with Accept: text/csv); an agency sees its own datasets.");

        var @case = routes.MapGroup("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}/case").WithTags("Processing");
        @case.MapGet("/", Get).RequireAuthorization(CensusRoles.ProvisionPolicy)
            .WithName("GetCase").WithSummary("A selected dataset's processing case: tasks, evidence with its figures, reviews, delivered record, gap, tier, releases, history.");
        @case.MapPut("/tasks/{step}", SetTask).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<TaskStateChange>("application/json")
            .WithName("SetCaseTask").WithSummary("Move a task: todo → in-progress → done (or back one step); done needs evidence (the institution's agency, or admin).");
        @case.MapPost("/evidence/equivalence-classes", AddTable).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<byte[]>(EvidenceTables.CsvMediaType, EvidenceTables.XlsxMediaType, EvidenceTables.JsonMediaType)
            .WithName("AddEquivalenceClassEvidence").WithSummary("Upload the release candidate's equivalence-class table (never records): k, l, t, prosecutor and marketer risk are computed and judged by the current policy.");
        @case.MapPost("/evidence/identifier-checks", AddChecks).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<IdentifierCheckSubmission>("application/json")
            .WithName("AddIdentifierCheckEvidence").WithSummary("Unstructured data: per identifier type the tool and a sampled manual check (n, m), judged by the Wilson upper bound.");
        @case.MapPost("/evidence/documents", AddDocument).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<DocumentEvidence>("application/json")
            .WithName("AddDocumentEvidence").WithSummary("A task's evidence as a note, optionally naming a file uploaded through /api/v1/uploads.");
        @case.MapPut("/delivered", Deliver).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<SurveyRecord>("application/json")
            .WithName("DeliverProcessedRecord").WithSummary("The processed dataset's record; scored under the round's rubric version and compared with the score it was selected on.");
        @case.MapPost("/submit", Submit).RequireAuthorization(CensusRoles.MemberPolicy)
            .WithName("SubmitCase").WithSummary("End processing: to adequacy review when personal data was present, else ready for the tier decision.");
        @case.MapPut("/reviewers", AssignReviewers).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<ReviewerAssignment>("application/json")
            .WithName("AssignCaseReviewers").WithSummary("Assign 2–10 reviewers from the pool, none of the institution under review (admin).");
        @case.MapPost("/votes", Vote).RequireAuthorization(CensusRoles.ReviewerPolicy)
            .Accepts<VoteSubmission>("application/json")
            .WithName("VoteOnCase").WithSummary("An assigned reviewer approves or rejects with a reason; one vote per review.");
        @case.MapPost("/tier", DecideTier).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<TierRequest>("application/json")
            .WithName("DecideCaseTier").WithSummary("Decide the release tier: the rule's, or a lower one with a reason; never higher (admin).");

        routes.MapGet("/api/v1/reviews", Queue).RequireAuthorization(CensusRoles.ReviewerPolicy).WithTags("Processing")
            .WithName("ListMyReviews").WithSummary("The calling reviewer's cases, across rounds, those awaiting their vote first.");
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> List(string roundId, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("roundId", roundId) is { } invalid)
        {
            return invalid;
        }

        var user = context.User;
        var institution = user.IsAdmin() ? null : user.FindFirstValue(CensusRoles.InstitutionClaim);
        var reviewer = user.Principal()?.Id;
        if (!user.IsAdmin() && institution is null && reviewer is null)
        {
            return Problems.Forbidden("This key may not read processing cases.");
        }

        return TypedResults.Ok(await grains.GetGrain<IRoundCasesGrain>(roundId).List(institution, reviewer));
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> Queue(HttpContext context, IGrainFactory grains)
    {
        var reviewer = context.User.Principal()!.Id;
        var rounds = await grains.GetGrain<Census.Contracts.Rounds.IRoundRegistryGrain>(Census.Contracts.Rounds.IRoundRegistryGrain.Key)
            .List(1, Paging.MaxPageSize);
        var lists = await Task.WhenAll(rounds.Items.Select(id => grains.GetGrain<IRoundCasesGrain>(id).List(null, reviewer)));
        return TypedResults.Ok<IReadOnlyList<CaseSummary>>([.. lists.SelectMany(l => l)
            .OrderByDescending(c => c.AwaitingVotes.Contains(reviewer, StringComparer.Ordinal))
            .ThenBy(c => c.RoundId, StringComparer.Ordinal).ThenBy(c => c.Rank)]);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> Get(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        var read = await ReadAsync(roundId, institutionId, datasetId, context, grains);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        context.Response.Headers.ETag = Preconditions.ETag(read.Case!.Revision);
        return TypedResults.Ok(read.Case);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> SetTask(
        string roundId, string institutionId, string datasetId, string step, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        if (await PreconditionAsync(context, grains, roundId, institutionId, datasetId) is { } stale)
        {
            return stale;
        }

        var body = await JsonBody.ReadAsync<TaskStateChange>(context);
        return body.Problem is { } problem ? problem : await SetTaskWith(roundId, institutionId, datasetId, step, body.Value, context, grains);
    }

    /// <summary>Moving a task once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> SetTaskWith(
        string roundId, string institutionId, string datasetId, string step, TaskStateChange? change, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var task = QueryValues.Enum<ProcessingStep>(errors, "step", step);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (change?.State is not { } state)
        {
            return Problems.Validation(ValidationErrors.For("state", "is required."));
        }

        return Answer(await Grain(grains, roundId, institutionId, datasetId).SetTaskState(task!.Value, state, context.User.Actor()), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AddTable(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var fileName = context.Request.Headers.ContentDisposition.Count > 0
            ? System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(context.Request.Headers.ContentDisposition, out var disposition)
                ? disposition.FileNameStar ?? disposition.FileName?.Trim('"')
                : null
            : null;
        if (EvidenceTables.FormatOf(context.Request.ContentType, null) is not { } format)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the equivalence-class table as {EvidenceTables.CsvMediaType}, {EvidenceTables.XlsxMediaType} or {EvidenceTables.JsonMediaType}.");
        }

        if (context.Request.ContentLength > MaxTableBytes)
        {
            return TableTooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxTableBytes;
        }

        return await AddTableFrom(roundId, institutionId, datasetId, context.Request.Body, format, fileName, context, grains);
    }

    /// <summary>Judging an equivalence-class table read from <paramref name="table"/>: for the route and the console's upload form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AddTableFrom(
        string roundId, string institutionId, string datasetId, Stream table, EvidenceTableFormat format, string? fileName,
        HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        // Refuse before reading a large table that the case would not take.
        if (await Grain(grains, roundId, institutionId, datasetId).Get() is not { } current)
        {
            return Problems.NotFound($"No processing case for dataset '{datasetId}' of '{institutionId}' in round '{roundId}'.");
        }

        if (CaseRules.EvidenceFits(current.Status, ProcessingStep.DeIdentification, EvidenceKind.EquivalenceClassTable, [.. current.Tasks.Select(t => t.Step)]) is { } why)
        {
            return Problems.Conflict(why);
        }

        var policy = await grains.GetGrain<IPolicyGrain>(IPolicyGrain.Key).Current();
        var spool = Path.Combine(Path.GetTempPath(), $"census-evidence-{Guid.NewGuid():N}");
        await using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        string sha256;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await table.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (file.Length + read > MaxTableBytes)
                {
                    return TableTooLarge();
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TableTooLarge();
        }

        file.Position = 0;
        StructuredEvidenceResult result;
        try
        {
            result = await EvidenceTables.Evaluate(file, format, policy, context.RequestAborted);
        }
        catch (EvidenceTableException e)
        {
            var path = e.Row is { } row ? $"rows[{row}]" + (e.Column is { } c ? $".{c}" : "") : e.Column ?? "table";
            return Problems.Validation(ValidationErrors.For(path, e.Message));
        }

        var submission = new EvidenceSubmission(
            ProcessingStep.DeIdentification, EvidenceKind.EquivalenceClassTable, fileName, sha256, file.Length, null,
            result.Figures, null, result.Checks, result.Passed, policy.Version);
        return Answer(await Grain(grains, roundId, institutionId, datasetId).AddEvidence(submission, context.User.Actor()), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AddChecks(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<IdentifierCheckSubmission>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = IdentifierChecks.Validate(body.Value?.Checks) ?? new ValidationErrors();
        Rules.OptionalText(errors, "note", body.Value?.Note, CaseRules.MaxReasonLength);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var policy = await grains.GetGrain<IPolicyGrain>(IPolicyGrain.Key).Current();
        var judged = body.Value!.Checks!.Select(c => IdentifierChecks.Judge(c, policy)).ToList();
        var checks = judged.Select(j => new PolicyCheck(
            $"miss-rate:{Names.Of(j.IdentifierType)}", j.MissRateUpperBound, policy.MissRateThreshold, j.Passed, j.Reason)).ToList();
        var submission = new EvidenceSubmission(
            ProcessingStep.DeIdentification, EvidenceKind.IdentifierChecks, null, null, null, body.Value.Note?.Trim(),
            null, judged, checks, judged.All(j => j.Passed), policy.Version);
        return Answer(await Grain(grains, roundId, institutionId, datasetId).AddEvidence(submission, context.User.Actor()), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AddDocument(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<DocumentEvidence>(context);
        return body.Problem is { } problem ? problem : await AddDocumentWith(roundId, institutionId, datasetId, body.Value, context, grains);
    }

    /// <summary>Attaching a document once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AddDocumentWith(
        string roundId, string institutionId, string datasetId, DocumentEvidence? document, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        Rules.Required(errors, "task", document?.Task);
        Rules.RequiredText(errors, "note", document?.Note, CaseRules.MaxReasonLength);
        Rules.OptionalText(errors, "fileName", document?.FileName, 300);
        if (document?.Sha256 is { } sha && !Census.Domain.Releases.ContentHashes.IsSha256(sha))
        {
            errors.Add("sha256", "must be 64 lower-case hexadecimal characters.");
        }

        if ((document?.Sha256 is null) != (document?.Bytes is null))
        {
            errors.Add("bytes", "sha256 and bytes name a file together: give both or neither.");
        }
        else if (document?.Bytes is < 1)
        {
            errors.Add("bytes", "must be at least 1.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var submission = new EvidenceSubmission(
            document!.Task!.Value, EvidenceKind.Document, document.FileName?.Trim(), document.Sha256, document.Bytes, document.Note!.Trim(),
            null, null, [], null, null);
        return Answer(await Grain(grains, roundId, institutionId, datasetId).AddEvidence(submission, context.User.Actor()), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> Deliver(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        if (await PreconditionAsync(context, grains, roundId, institutionId, datasetId) is { } stale)
        {
            return stale;
        }

        var body = await JsonBody.ReadAsync<SurveyRecord>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = SurveyRecordRules.Validate(body.Value);
        return errors.IsValid
            ? Answer(await Grain(grains, roundId, institutionId, datasetId).Deliver(body.Value!, context.User.Actor()), context)
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> Submit(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains) =>
        Writable(context, roundId, institutionId, datasetId) is { } refused
            ? refused
            : Answer(await Grain(grains, roundId, institutionId, datasetId).Submit(context.User.Actor()), context);

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AssignReviewers(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        if (await PreconditionAsync(context, grains, roundId, institutionId, datasetId) is { } stale)
        {
            return stale;
        }

        var body = await JsonBody.ReadAsync<ReviewerAssignment>(context);
        return body.Problem is { } problem ? problem : await AssignReviewersWith(roundId, institutionId, datasetId, body.Value, context, grains);
    }

    /// <summary>Assigning reviewers once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> AssignReviewersWith(
        string roundId, string institutionId, string datasetId, ReviewerAssignment? assignment, HttpContext context, IGrainFactory grains)
    {
        if (!context.User.IsAdmin())
        {
            return Problems.Forbidden("Only an admin assigns reviewers.");
        }

        if (Writable(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var ids = assignment?.Reviewers;
        var errors = new ValidationErrors();
        if (ids is null || ids.Count == 0)
        {
            errors.Add("reviewers", "is required: 2 to 10 reviewer ids.");
        }
        else
        {
            for (var i = 0; i < ids.Count; i++)
            {
                Rules.Id(errors, $"reviewers[{i}]", ids[i]);
            }
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var principals = await Task.WhenAll(ids!.Select(id => grains.GetGrain<IPrincipalGrain>(id).Get()));
        for (var i = 0; i < ids!.Count; i++)
        {
            if (principals[i] is not { Role: PrincipalRole.Reviewer })
            {
                errors.Add($"reviewers[{i}]", principals[i] is null ? $"No principal '{ids[i]}' is registered." : $"'{ids[i]}' is not a reviewer.");
            }
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var refs = principals.Select(p => new PrincipalRef(p!.Id, p.Organisation)).ToList();
        return Answer(await Grain(grains, roundId, institutionId, datasetId).AssignReviewers(refs, context.User.Actor()), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> Vote(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Ids(roundId, institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<VoteSubmission>(context);
        return body.Problem is { } problem ? problem : await VoteWith(roundId, institutionId, datasetId, body.Value, context, grains);
    }

    /// <summary>A reviewer's vote once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> VoteWith(
        string roundId, string institutionId, string datasetId, VoteSubmission? vote, HttpContext context, IGrainFactory grains)
    {
        if (Ids(roundId, institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        if (context.User.Principal() is not { } reviewer)
        {
            return Problems.Forbidden("Only an assigned reviewer votes.");
        }

        var errors = new ValidationErrors();
        Rules.Required(errors, "decision", vote?.Decision);
        Rules.RequiredText(errors, "reason", vote?.Reason, CaseRules.MaxReasonLength);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return Answer(await Grain(grains, roundId, institutionId, datasetId).Vote(reviewer, vote!.Decision!.Value, vote.Reason!), context);
    }

    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> DecideTier(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Ids(roundId, institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<TierRequest>(context);
        return body.Problem is { } problem ? problem : await DecideTierWith(roundId, institutionId, datasetId, body.Value, context, grains);
    }

    /// <summary>Deciding the tier once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<ProcessingCase>, ProblemHttpResult>> DecideTierWith(
        string roundId, string institutionId, string datasetId, TierRequest? request, HttpContext context, IGrainFactory grains)
    {
        if (Ids(roundId, institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        if (!context.User.IsAdmin())
        {
            return Problems.Forbidden("Only an admin decides a case's tier.");
        }

        var errors = new ValidationErrors();
        Rules.OptionalText(errors, "reason", request?.Reason, CaseRules.MaxReasonLength);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return Answer(await Grain(grains, roundId, institutionId, datasetId).DecideTier(request?.Tier, request?.Reason, context.User.Actor()), context);
    }

    public static async Task<IResult> Gap(string roundId, string? by, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("roundId", roundId) is { } invalid)
        {
            return invalid;
        }

        var errors = new ValidationErrors();
        var grouping = by switch
        {
            null or "dataset" => "dataset",
            "institution" or "sector" => by,
            _ => null,
        };
        if (grouping is null)
        {
            errors.Add("by", "must be one of: dataset, institution, sector.");
            return Problems.Validation(errors);
        }

        var institution = context.User.IsAdmin() ? null : context.User.FindFirstValue(CensusRoles.InstitutionClaim);
        var cases = await grains.GetGrain<IRoundCasesGrain>(roundId).List(institution, null);
        var report = PromiseGapReport.Build(roundId, grouping, cases);
        var csv = context.Request.GetTypedHeaders().Accept.Any(a => a.Quality is not 0 &&
            a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!csv)
        {
            return TypedResults.Ok(report);
        }

        var (header, rows) = PromiseGapReport.Table(report);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Csv.Write(header, rows)), "text/csv; charset=utf-8", $"{roundId}-promise-gap-by-{grouping}.csv");
    }

    /// <summary>Reads a case the caller may see: admin, the institution's agency, or a reviewer assigned to it.</summary>
    public static async Task<(ProcessingCase? Case, ProblemHttpResult? Problem)> ReadAsync(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Ids(roundId, institutionId, datasetId) is { } invalid)
        {
            return (null, invalid);
        }

        var user = context.User;
        var reviewer = user.Principal();
        if (reviewer is null && !user.CanActFor(institutionId))
        {
            return (null, Problems.Forbidden("An agency key may read only its own institution's cases."));
        }

        var found = await Grain(grains, roundId, institutionId, datasetId).Get();
        if (reviewer is not null && found?.Reviewers.Contains(reviewer.Id, StringComparer.Ordinal) != true)
        {
            return (null, Problems.Forbidden("A reviewer may read only the cases assigned to them."));
        }

        return found is null
            ? (null, Problems.NotFound($"No processing case for dataset '{datasetId}' of '{institutionId}' in round '{roundId}'."))
            : (found, null);
    }

    private static IProcessingCaseGrain Grain(IGrainFactory grains, string roundId, string institutionId, string datasetId) =>
        grains.GetGrain<IProcessingCaseGrain>($"{roundId}/{institutionId}/{datasetId}");

    private static ProblemHttpResult? Ids(string roundId, string institutionId, string datasetId)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "roundId", roundId);
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        return errors.IsValid ? null : Problems.Validation(errors);
    }

    /// <summary>The processor's routes: the institution's own agency, or an admin.</summary>
    private static ProblemHttpResult? Writable(HttpContext context, string roundId, string institutionId, string datasetId) =>
        InstitutionAccess.Check(context, roundId, institutionId, "datasetId", datasetId);

    private static Results<Ok<ProcessingCase>, ProblemHttpResult> Answer(CaseResult result, HttpContext context)
    {
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Opened)
        {
            context.Response.Headers.ETag = Preconditions.ETag(result.Case!.Revision);
            return TypedResults.Ok(result.Case!);
        }

        var detail = result.Detail ?? "The case refused the change.";
        return result.Outcome switch
        {
            CaseOutcome.NotFound => Problems.NotFound(detail),
            CaseOutcome.Forbidden => Problems.Forbidden(detail),
            CaseOutcome.Invalid => Problems.Status(StatusCodes.Status422UnprocessableEntity, "Not allowed by the rules", detail),
            _ => Problems.Conflict(detail),
        };
    }

    /// <summary>
    /// <c>If-Match</c> on a PUT to a case (api.md "Conventions"): 412 when no listed revision is the case's current one.
    /// Checked against the case as read just before the write; two writers racing inside that gap are not told apart.
    /// </summary>
    private static async Task<ProblemHttpResult?> PreconditionAsync(HttpContext context, IGrainFactory grains, string roundId, string institutionId, string datasetId)
    {
        var errors = new ValidationErrors();
        var tags = Preconditions.IfMatch(context.Request, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (tags is null || await Grain(grains, roundId, institutionId, datasetId).Get() is not { } current)
        {
            return null;
        }

        return tags.Any(t => t == 0 || t == current.Revision)
            ? null
            : Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"The case is at revision {current.Revision}; none of the If-Match tags is current. Read it again.");
    }

    private static ProblemHttpResult TableTooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"An equivalence-class table may be at most {MaxTableBytes / (1024 * 1024)} MiB.");
}
