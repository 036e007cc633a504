namespace Census.Api.Tests;

[CollectionDefinition(Name)]
public sealed class ImportsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Imports";
}
