namespace Census.Api.Tests.Processing;

/// <summary>Processing cases get their own gateway: their scenes finalize rounds.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessingCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Processing cases";
}
