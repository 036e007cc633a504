namespace Census.Contracts.Ledger;

/// <summary>One <c>transaction</c> entry of a dataset's ledger as a line of a settlement statement (amounts in KRW).</summary>
[GenerateSerializer, Immutable, Alias("census.SettlementLine")]
public sealed record SettlementLine(
    [property: Id(0)] string DatasetId,
    [property: Id(1)] long Index,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Transaction,
    [property: Id(4)] string Grant,
    [property: Id(5)] string Requester,
    [property: Id(6)] string Organisation,
    [property: Id(7)] string OrganisationKind,
    [property: Id(8)] string Version,
    [property: Id(9)] string Pricing,
    [property: Id(10)] long PriceKrw,
    [property: Id(11)] long Quantity,
    [property: Id(12)] long TotalKrw);
