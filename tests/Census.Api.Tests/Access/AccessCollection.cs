namespace Census.Api.Tests.Access;

[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Access";
}
