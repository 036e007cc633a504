namespace Census.Contracts.Ledger;

/// <summary>One requester kind's share of a month's usage (the <c>organisationKind</c> fact: company, university, …).</summary>
[GenerateSerializer, Immutable, Alias("census.UsageByKind")]
public sealed record UsageByKind(
    [property: Id(0)] string OrganisationKind,
    [property: Id(1)] UsageFigures Figures);
