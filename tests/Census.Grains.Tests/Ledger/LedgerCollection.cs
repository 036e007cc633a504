namespace Census.Grains.Tests.Ledger;

[CollectionDefinition(Name)]
public sealed class LedgerCollection : ICollectionFixture<LedgerClusterFixture>
{
    public const string Name = "ledger";
}
