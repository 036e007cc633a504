namespace Census.Api.Tests.Infrastructure;

// Each collection gets its own gateway, so the collections run in parallel on separate silos and
// stores; the tests inside one collection share that gateway and run one after another.

[CollectionDefinition(Name)]
public sealed class AuthorizationCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Authorization";
}

[CollectionDefinition(Name)]
public sealed class InstitutionsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Institutions";
}

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Bad input";
}

/// <summary>
/// Runs alone, after the parallel collections: the metrics its tests read are the process's meters
/// (Orleans' and ASP.NET Core's instruments), which another host starting and stopping beside it
/// in the same process makes these tests miss.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperationsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Operations";
}

[CollectionDefinition(Name)]
public sealed class RoundAuthorizationCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Round authorization";
}

[CollectionDefinition(Name)]
public sealed class RoundsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Rounds";
}

[CollectionDefinition(Name)]
public sealed class SurveyRecordsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Survey records";
}

[CollectionDefinition(Name)]
public sealed class SurveyBadInputCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Survey bad input";
}

[CollectionDefinition(Name)]
public sealed class RankingsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Rankings";
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Security";
}
