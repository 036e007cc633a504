namespace Census.Api.Tests.Releases;

[CollectionDefinition(Name)]
public sealed class ReleasesCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Releases";
}
