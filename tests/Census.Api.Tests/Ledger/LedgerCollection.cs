namespace Census.Api.Tests.Ledger;

[CollectionDefinition(Name)]
public sealed class LedgerCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Ledger";
}
