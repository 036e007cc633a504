using Census.ApiGateway.Apis;
using Census.ApiGateway.Auth;
using Census.Contracts.Common;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Census.ApiGateway.Console.Components.Pages.Agency;

/// <summary>
/// What the agency pages read, always through the API's own handlers (the same id checks, access rule and grains):
/// the caller's institution, a round it is invited to, and its records in that round from the survey index.
/// </summary>
public static class AgencyData
{
    /// <summary>The institution the signed-in key belongs to.</summary>
    public static string Institution(HttpContext context) =>
        context.User.FindFirst(CensusRoles.InstitutionClaim)?.Value ?? "";

    /// <summary>The round as an invited agency may read it, or the API's problem.</summary>
    public static async Task<(Round? Round, ProblemDetails? Problem)> RoundAsync(string roundId, HttpContext context, IGrainFactory grains)
    {
        var result = await RoundsApi.Get(roundId, context, grains);
        return result.Result switch
        {
            Ok<Round> ok => (ok.Value, null),
            ProblemHttpResult p => (null, p.ProblemDetails),
            _ => (null, null),
        };
    }

    /// <summary>The institution's assignment in the round, or the API's problem (404 when it is not invited).</summary>
    public static async Task<(Assignment? Assignment, ProblemDetails? Problem)> AssignmentAsync(string roundId, HttpContext context, IGrainFactory grains)
    {
        var result = await SurveysApi.GetAssignment(roundId, Institution(context), context, grains);
        return result.Result switch
        {
            Ok<Assignment> ok => (ok.Value, null),
            ProblemHttpResult p => (null, p.ProblemDetails),
            _ => (null, null),
        };
    }

    /// <summary>
    /// Every current record of the institution in the round, read a page at a time from the index through the API's
    /// list handler. An institution's records are bounded (an import is at most 50,000 rows), so the pages may sort
    /// and filter them in memory.
    /// </summary>
    public static async Task<(List<SurveyResponse>? Records, ProblemDetails? Problem)> RecordsAsync(string roundId, HttpContext context, IGrainFactory grains)
    {
        var records = new List<SurveyResponse>();
        var size = Paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var page = 1; ; page++)
        {
            var result = await SurveysApi.List(roundId, Institution(context), context, grains,
                page.ToString(System.Globalization.CultureInfo.InvariantCulture), size);
            switch (result.Result)
            {
                case Ok<Page<SurveyResponse>> ok:
                    records.AddRange(ok.Value!.Items);
                    if (ok.Value.Items.Count < Paging.MaxPageSize || records.Count >= ok.Value.Total)
                    {
                        return (records, null);
                    }

                    break;
                case ProblemHttpResult p:
                    return (null, p.ProblemDetails);
                default:
                    return (null, null);
            }
        }
    }

    /// <summary>"D-12, 3시간": whole days and hours left until the deadline; null once it has passed.</summary>
    public static (int Days, int Hours)? Countdown(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left <= TimeSpan.Zero ? null : ((int)left.TotalDays, left.Hours);
    }
}
