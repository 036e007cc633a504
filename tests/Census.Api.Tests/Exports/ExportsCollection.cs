namespace Census.Api.Tests.Exports;

[CollectionDefinition(Name)]
public sealed class ExportsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Exports";
}
