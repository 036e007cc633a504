namespace Census.Grains.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// A cluster of its own for tests that wait for a reminder, so their seconds of waiting overlap with the
/// other collections instead of adding to them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DeadlineClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "deadline-cluster";
}
