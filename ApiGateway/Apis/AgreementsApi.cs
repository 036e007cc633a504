using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Releases;
using Census.Domain.Access;
using Census.Domain.Releases;

namespace Census.ApiGateway.Apis;

/// <summary>
/// The terms a dataset is provided on: versioned agreements per tier (published by the providing institution, read by
/// anyone), their acceptance by requesters (open data: a grant at once), and the offer of each release version.
/// </summary>
public static class AgreementsApi
{
    private const string Base = "/api/v1/institutions/{institutionId}/datasets/{datasetId}";

    /// <summary>How long an open-data grant lasts from the acceptance: the longest period a request may ask.</summary>
    public const int OpenGrantDays = AccessRequestRules.MaxPeriodDays;

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Base).WithTags("Agreements and offers");
        api.MapPost("/agreements", Publish).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<AgreementDraft>("application/json")
            .WithName("PublishAgreement")
            .WithSummary("Publish the next version of the dataset's agreement for a tier (the providing agency or an admin); requesters accept it again before their next download.");
        api.MapGet("/agreements", List).AllowAnonymous()
            .WithName("ListAgreements")
            .WithSummary("Every version of the dataset's agreements, with the SHA-256 of each text (no key needed).");
        api.MapPost("/agreements/{tier}/{version:int}/acceptance", Accept).RequireAuthorization(CensusRoles.RequesterPolicy)
            .WithName("AcceptAgreement")
            .WithSummary("Accept the tier's current agreement (requester of a verified organisation). For open data this also issues a download grant at once.");
        api.MapPut("/releases/{version}/offer", SetOffer).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<OfferDefinition>("application/json")
            .WithName("SetOffer")
            .WithSummary("Offer a published release version free, per download or for a flat fee per grant, in KRW (the providing agency or an admin).");
        api.MapGet("/releases/{version}/offer", GetOffer).AllowAnonymous()
            .WithName("GetOffer")
            .WithSummary("The offer of a release version (no key needed); 404 until one is set.");
        return routes;
    }

    public static async Task<Results<Created<Agreement>, ProblemHttpResult>> Publish(
        string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Ids(institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<AgreementDraft>(context);
        return body.Problem ?? await PublishWith(institutionId, datasetId, body.Value, context, grains);
    }

    /// <summary>An agreement already read from its body (the API route and the console's provision page).</summary>
    public static async Task<Results<Created<Agreement>, ProblemHttpResult>> PublishWith(
        string institutionId, string datasetId, AgreementDraft? draft, HttpContext context, IGrainFactory grains)
    {
        if (Ids(institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        if (!context.User.CanActFor(institutionId))
        {
            return Problems.Forbidden("Only an admin or the providing institution's agency publishes its agreements.");
        }

        var errors = AgreementRules.Validate(draft);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var agreement = await Terms(grains, institutionId, datasetId).PublishAgreement(draft!.Tier!.Value, draft.Title!, draft.Text!, context.User.Actor());
        return TypedResults.Created($"{Path(institutionId, datasetId)}/agreements", agreement);
    }

    public static async Task<Results<Ok<IReadOnlyList<Agreement>>, ProblemHttpResult>> List(string institutionId, string datasetId, IGrainFactory grains) =>
        Ids(institutionId, datasetId) is { } invalid
            ? invalid
            : TypedResults.Ok(await Terms(grains, institutionId, datasetId).Agreements());

    public static async Task<Results<Created<Acceptance>, Ok<Acceptance>, ProblemHttpResult>> Accept(
        string institutionId, string datasetId, string tier, int version, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (Ids(institutionId, datasetId) is { } invalid)
        {
            return invalid;
        }

        if (!Names.TryParse<ReleaseTier>(tier, out var releaseTier) || releaseTier == ReleaseTier.NotProvidable)
        {
            return Problems.Validation(ValidationErrors.For("tier", "must be open, restricted or safe-zone-only."));
        }

        var (requester, organisation, refusal) = await Requesters.VerifiedAsync(context.User, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        // Open data is granted from its newest published release, which must be open: checked before anything is recorded.
        var release = releaseTier == ReleaseTier.Open ? await LatestPublished(grains, institutionId, datasetId) : null;
        if (releaseTier == ReleaseTier.Open && release is not { Tier: ReleaseTier.Open })
        {
            return Problems.Unprocessable("The dataset has no published open release to grant.");
        }

        var (acceptance, why) = await Terms(grains, institutionId, datasetId)
            .Accept(releaseTier, version, requester!.Id, organisation!.Id, context.User.Actor());
        if (acceptance is null)
        {
            return Problems.Unprocessable(why!);
        }

        if (release is null)
        {
            return TypedResults.Ok(new Acceptance(acceptance, null));
        }

        // Open data: the acceptance is the request. The grant's id follows from the requester, dataset, release and
        // agreement version, so accepting again (a retry) answers the same grant instead of stacking them.

        var now = clock.GetUtcNow();
        var grantId = "gr-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{requester.Id}\n{institutionId}/{datasetId}\n{release.Version}\n{version}")))[..24];
        var grant = await grains.GetGrain<IGrantGrain>(grantId).Issue(new Grant(
            grantId, institutionId, datasetId, release.Version, GrantKind.Download, requester.Id, organisation.Id, null,
            version.ToString(System.Globalization.CultureInfo.InvariantCulture), now, now.AddDays(OpenGrantDays), GrantStatus.Live,
            now, context.User.Actor(), null, null, null)
        {
            OrganisationKind = organisation.Kind,
        });
        return TypedResults.Created($"/api/v1/grants/{grant.Id}", new Acceptance(acceptance, grant));
    }

    public static async Task<Results<Ok<Offer>, ProblemHttpResult>> SetOffer(
        string institutionId, string datasetId, string version, HttpContext context, IGrainFactory grains)
    {
        if (Ids(institutionId, datasetId, version) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<OfferDefinition>(context);
        return body.Problem ?? await SetOfferWith(institutionId, datasetId, version, body.Value, context, grains);
    }

    /// <summary>An offer already read from its body (the API route and the console's provision page).</summary>
    public static async Task<Results<Ok<Offer>, ProblemHttpResult>> SetOfferWith(
        string institutionId, string datasetId, string version, OfferDefinition? definition, HttpContext context, IGrainFactory grains)
    {
        if (Ids(institutionId, datasetId, version) is { } invalid)
        {
            return invalid;
        }

        if (!context.User.CanActFor(institutionId))
        {
            return Problems.Forbidden("Only an admin or the providing institution's agency sets its offers.");
        }

        var errors = OfferRules.Validate(definition);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (await grains.GetGrain<IReleaseGrain>($"{institutionId}/{datasetId}").Get(version) is not { State: ReleaseState.Published } release)
        {
            return Problems.NotFound($"No published release version '{version}' of {institutionId}/{datasetId}.");
        }

        var terms = Terms(grains, institutionId, datasetId);
        var agreement = AgreementRules.Current(await terms.Agreements(), release.Tier);
        var offer = await terms.SetOffer(version, definition!.Pricing!.Value, definition.PriceKrw!.Value, agreement?.Version, context.User.Actor());
        return TypedResults.Ok(offer);
    }

    public static async Task<Results<Ok<Offer>, ProblemHttpResult>> GetOffer(string institutionId, string datasetId, string version, IGrainFactory grains)
    {
        if (Ids(institutionId, datasetId, version) is { } invalid)
        {
            return invalid;
        }

        return await Terms(grains, institutionId, datasetId).Offer(version) is { } offer
            ? TypedResults.Ok(offer)
            : Problems.NotFound($"Release version '{version}' of {institutionId}/{datasetId} has no offer.");
    }

    /// <summary>The newest published release of a dataset, or null.</summary>
    public static async Task<Release?> LatestPublished(IGrainFactory grains, string institutionId, string datasetId)
    {
        var page = await grains.GetGrain<IReleaseGrain>($"{institutionId}/{datasetId}").List(1, 100);
        return page.Items.FirstOrDefault(r => r.State == ReleaseState.Published);
    }

    internal static IDatasetTermsGrain Terms(IGrainFactory grains, string institutionId, string datasetId) =>
        grains.GetGrain<IDatasetTermsGrain>($"{institutionId}/{datasetId}");

    private static string Path(string institutionId, string datasetId) => $"/api/v1/institutions/{institutionId}/datasets/{datasetId}";

    private static ProblemHttpResult? Ids(string institutionId, string datasetId, string? version = null)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        if (version is not null && !ReleaseVersions.IsValid(version))
        {
            errors.Add("version", "must be a release version such as 1.0 or 1.2.");
        }

        return errors.IsValid ? null : Problems.Validation(errors);
    }
}

/// <summary>An acceptance, and for open data the grant it gave.</summary>
public sealed record Acceptance(AgreementAcceptance Agreement, Grant? Grant);
