namespace Census.Grains.Tests.Imports;

[CollectionDefinition(Name)]
public sealed class ImportClusterCollection : ICollectionFixture<ImportClusterFixture>
{
    public const string Name = "imports";
}
