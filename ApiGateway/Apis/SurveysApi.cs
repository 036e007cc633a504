using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Surveys;
using Census.Exchange.Template;

namespace Census.ApiGateway.Apis;

/// <summary>An institution's part of a round: its assignment and its survey records (api.md "Survey records").</summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{roundId}/institutions/{institutionId}")
            .WithTags("Survey records")
            .RequireAuthorization(CensusRoles.MemberPolicy);

        api.MapGet("/", GetAssignment)
            .WithName("GetAssignment").WithSummary("An institution's assignment in a round (admin, or that institution).");
        api.MapGet("/audit", Audit)
            .WithName("GetAssignmentAudit")
            .WithSummary("Who changed what, when: the assignment's status changes and a page of its records' latest revisions (admin, or that institution).");
        api.MapPost("/submit", Submit)
            .WithName("SubmitAssignment").WithSummary("Mark the institution's response complete (admin, or that institution).");
        api.MapGet("/datasets", List)
            .ProducesFiles(SurveyTemplate.CsvMediaType, SurveyTemplate.XlsxMediaType)
            .WithName("ListSurveyRecords")
            .WithSummary("The institution's survey records in a round, with scores; with Accept: text/csv or the xlsx type, all of them in the import template's columns.");
        api.MapPut("/datasets/{datasetId}", Put)
            .WithOwnIdempotency()
            .Accepts<SurveyRecord>("application/json")
            .WithName("PutSurveyRecord")
            .WithSummary("Report a dataset: 201 the first time, 200 after. If-Match and Idempotency-Key are honoured.");
        api.MapGet("/datasets/{datasetId}", Get)
            .WithName("GetSurveyRecord").WithSummary("A survey record with its revision, author and score.");
        api.MapDelete("/datasets/{datasetId}", Withdraw)
            .WithName("WithdrawSurveyRecord").WithSummary("Withdraw a record while the round is open.");
        return routes;
    }

    public static async Task<Results<Ok<Assignment>, ProblemHttpResult>> GetAssignment(
        string roundId, string institutionId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId: null) is { } refused)
        {
            return refused;
        }

        return await Assignment(grains, roundId, institutionId).Get() is { } assignment
            ? TypedResults.Ok(assignment)
            : Problems.NotFound($"Institution '{institutionId}' has no assignment in round '{roundId}'.");
    }

    public static async Task<Results<Ok<AssignmentAudit>, ProblemHttpResult>> Audit(
        string roundId, string institutionId, HttpContext context, IGrainFactory grains, string? page, string? pageSize)
    {
        if (Check(context, roundId, institutionId, datasetId: null) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return await Assignment(grains, roundId, institutionId).Audit(validPage, validSize, context.RequestAborted) is { } audit
            ? TypedResults.Ok(audit)
            : Problems.NotFound($"Institution '{institutionId}' has no assignment in round '{roundId}'.");
    }

    public static async Task<Results<Ok<Assignment>, ProblemHttpResult>> Submit(
        string roundId, string institutionId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId: null) is { } refused)
        {
            return refused;
        }

        var result = await Assignment(grains, roundId, institutionId).Submit(context.User.Actor());
        return result.Outcome switch
        {
            AssignmentSubmitOutcome.Submitted => TypedResults.Ok(result.Assignment!),
            AssignmentSubmitOutcome.RoundNotFound => Problems.NotFound($"No round with id '{roundId}'."),
            AssignmentSubmitOutcome.NotInvited => Problems.Conflict($"Institution '{institutionId}' is not invited to round '{roundId}'."),
            _ => Problems.Conflict($"Round '{roundId}' is not open."),
        };
    }

    public static async Task<Results<Ok<Page<SurveyResponse>>, PushStreamHttpResult, ProblemHttpResult>> List(
        string roundId, string institutionId, HttpContext context, IGrainFactory grains, string? page, string? pageSize)
    {
        if (Check(context, roundId, institutionId, datasetId: null) is { } refused)
        {
            return refused;
        }

        if (ExportFormat(context.Request) is { } format)
        {
            return await Export(roundId, institutionId, format, context, grains);
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var assignment = Assignment(grains, roundId, institutionId);
        if (await assignment.GetWriteContext() is null)
        {
            return Problems.NotFound($"No round with id '{roundId}'.");
        }

        // The page comes from the survey index (the read side): no dataset grain wakes for a list.
        return TypedResults.Ok(await assignment.ListRecords(validPage, validSize, context.RequestAborted));
    }

    /// <summary>The export a request's Accept names (CSV or xlsx); null for the JSON page.</summary>
    private static string? ExportFormat(HttpRequest request)
    {
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            if (accepted.Quality is not 0
                && (accepted.MediaType.Equals(SurveyTemplate.CsvMediaType, StringComparison.OrdinalIgnoreCase)
                    || accepted.MediaType.Equals(SurveyTemplate.XlsxMediaType, StringComparison.OrdinalIgnoreCase)))
            {
                return accepted.MediaType.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The export of <see cref="List"/> for a caller that names its format itself (the console's download links):
    /// the same access rule and the same file.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportRecords(
        string roundId, string institutionId, bool xlsx, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId: null) is { } refused)
        {
            return refused;
        }

        var result = await Export(roundId, institutionId, xlsx ? SurveyTemplate.XlsxMediaType : SurveyTemplate.CsvMediaType, context, grains);
        return result.Result switch
        {
            PushStreamHttpResult file => file,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("An export answers a file or a problem."),
        };
    }

    /// <summary>
    /// Every current record of the institution in the template's columns, not paged: the index is read a page
    /// at a time while the file is written, so neither the gateway nor the silo holds them all.
    /// </summary>
    private static async Task<Results<Ok<Page<SurveyResponse>>, PushStreamHttpResult, ProblemHttpResult>> Export(
        string roundId, string institutionId, string format, HttpContext context, IGrainFactory grains)
    {
        var assignment = Assignment(grains, roundId, institutionId);
        if (await assignment.GetWriteContext() is null)
        {
            return Problems.NotFound($"No round with id '{roundId}'.");
        }

        var name = $"{roundId}-{institutionId}-datasets";
        var records = Records(assignment, context.RequestAborted);
        return string.Equals(format, SurveyTemplate.CsvMediaType, StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Stream(s => SurveyTemplate.ExportCsvAsync(s, records, context.RequestAborted).AsTask(), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.Stream(s => SurveyTemplate.ExportXlsxAsync(s, records, context.RequestAborted).AsTask(), SurveyTemplate.XlsxMediaType, name + ".xlsx");
    }

    private static async IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> Records(
        IAssignmentGrain assignment, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var items = await assignment.ListRecords(page, Paging.MaxPageSize, cancellationToken);
            foreach (var item in items.Items)
            {
                yield return (item.DatasetId, item.Record);
            }

            if (items.Items.Count < Paging.MaxPageSize || (long)page * Paging.MaxPageSize >= items.Total)
            {
                yield break;
            }
        }
    }

    public static async Task<Results<Created<SurveyResponse>, Ok<SurveyResponse>, ProblemHttpResult>> Put(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var headerErrors = new ValidationErrors();
        var ifMatch = Preconditions.IfMatch(context.Request, headerErrors);
        var idempotencyKey = Preconditions.IdempotencyKey(context.Request, headerErrors);
        if (!headerErrors.IsValid)
        {
            return Problems.Validation(headerErrors);
        }

        var body = await JsonBody.ReadAsync<SurveyRecord>(context, pathPrefix: "record");
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return await PutRecord(roundId, institutionId, datasetId, body.Value, ifMatch, idempotencyKey, context, grains);
    }

    /// <summary>
    /// The write of <see cref="Put"/> once its body and headers are read: the record validated, then written with
    /// its If-Match revisions and Idempotency-Key. The console's dataset form calls this too, so a form and a PUT
    /// are held to one rule set.
    /// </summary>
    public static async Task<Results<Created<SurveyResponse>, Ok<SurveyResponse>, ProblemHttpResult>> PutRecord(
        string roundId, string institutionId, string datasetId, SurveyRecord? record, IReadOnlyList<int>? ifMatch, string? idempotencyKey,
        HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var errors = SurveyRecordRules.Validate(record);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        // The fingerprint only matters to an idempotent repeat: skip the work when there is no key.
        var fingerprint = idempotencyKey is null ? "" : Preconditions.Fingerprint(context, record!);
        var write = new SurveyWrite(roundId, record!, context.User.Actor(), ifMatch, idempotencyKey, fingerprint);
        var result = await Dataset(grains, institutionId, datasetId).Put(write);
        if (result.Response is { } response)
        {
            context.Response.Headers.ETag = Preconditions.ETag(response.Revision);
        }

        return result.Outcome switch
        {
            SurveyWriteOutcome.Created => TypedResults.Created(
                $"/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}", result.Response),
            SurveyWriteOutcome.Updated => TypedResults.Ok(result.Response),
            _ => Refusal(result),
        };
    }

    public static async Task<Results<Ok<SurveyResponse>, ProblemHttpResult>> Get(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var result = await Dataset(grains, institutionId, datasetId).Get(roundId);
        if (result.Outcome != SurveyReadOutcome.Found)
        {
            return Problems.NotFound(result.Outcome == SurveyReadOutcome.RoundNotFound
                ? $"No round with id '{roundId}'."
                : $"No record of dataset '{datasetId}' in round '{roundId}'.");
        }

        context.Response.Headers.ETag = Preconditions.ETag(result.Response!.Revision);
        return TypedResults.Ok(result.Response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(
        string roundId, string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var ifMatch = Preconditions.IfMatch(context.Request, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return await WithdrawRecord(roundId, institutionId, datasetId, ifMatch, context, grains);
    }

    /// <summary>The withdrawal of <see cref="Withdraw"/> once its If-Match is read (the console's withdraw button calls it too).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawRecord(
        string roundId, string institutionId, string datasetId, IReadOnlyList<int>? ifMatch, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, datasetId) is { } refused)
        {
            return refused;
        }

        var result = await Dataset(grains, institutionId, datasetId).Withdraw(roundId, context.User.Actor(), ifMatch);
        return result.Outcome == SurveyWriteOutcome.Withdrawn ? TypedResults.NoContent() : Refusal(result);
    }

    private static ProblemHttpResult Refusal(SurveyWriteResult result) => result.Outcome switch
    {
        SurveyWriteOutcome.NotFound or SurveyWriteOutcome.RoundNotFound => Problems.NotFound(result.Detail ?? "Not found."),
        SurveyWriteOutcome.RoundNotOpen or SurveyWriteOutcome.NotInvited => Problems.Conflict(result.Detail ?? "Conflict."),
        SurveyWriteOutcome.PreconditionFailed => Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed", result.Detail ?? "Stale If-Match."),
        SurveyWriteOutcome.IdempotencyKeyReused => Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", result.Detail ?? "Another body was sent with this key."),
        _ => throw new InvalidOperationException($"Unexpected outcome {result.Outcome}."),
    };

    /// <summary>Ids well-formed, and the caller is an admin or the institution itself.</summary>
    private static ProblemHttpResult? Check(HttpContext context, string roundId, string institutionId, string? datasetId) =>
        InstitutionAccess.Check(context, roundId, institutionId, "datasetId", datasetId);

    private static IAssignmentGrain Assignment(IGrainFactory grains, string roundId, string institutionId) =>
        grains.GetGrain<IAssignmentGrain>($"{roundId}/{institutionId}");

    private static IDatasetGrain Dataset(IGrainFactory grains, string institutionId, string datasetId) =>
        grains.GetGrain<IDatasetGrain>($"{institutionId}/{datasetId}");
}
