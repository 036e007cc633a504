namespace Census.Api.Tests;

/// <summary>The selection's exports get their own gateway: their scenes close and finalize rounds.</summary>
[CollectionDefinition(Name)]
public sealed class SelectionCatalogCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Selection catalogue";
}
