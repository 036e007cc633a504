namespace Census.Api.Tests.SafeZones;

[CollectionDefinition(Name)]
public sealed class SafeZonesCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "safe-zones";
}
