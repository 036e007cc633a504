namespace Census.Api.Tests.Catalogue;

/// <summary>The public catalogue gets its own gateway: its scene publishes a release through the whole provision flow once.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogueCollection : ICollectionFixture<GatewayFixture>, ICollectionFixture<CatalogueScene>
{
    public const string Name = "Catalogue";
}
