using System.Reflection;

namespace Census.Api.Tests.Architecture;

/// <summary>
/// The project boundaries of the layout (docs/architecture.md): the gateway maps HTTP to grain
/// interfaces and never names a grain class; grains know nothing of ASP.NET Core or of hosting.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly Assembly Gateway = typeof(Program).Assembly;
    private static readonly Assembly Grains = typeof(Census.Grains.Surveys.DatasetGrain).Assembly;
    private static readonly Assembly Hosting = typeof(Census.Hosting.SiloHosting).Assembly;

    private static IEnumerable<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void The_gateway_does_not_reference_the_grain_classes()
    {
        Assert.DoesNotContain(Grains.GetName().Name, References(Gateway));
        Assert.Contains("Census.Contracts", References(Gateway));
        Assert.Contains(Hosting.GetName().Name, References(Gateway));
    }

    [Fact]
    public void The_grains_reference_neither_ASP_NET_Core_nor_hosting()
    {
        Assert.DoesNotContain(References(Grains), name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(References(Grains), name => name.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(Hosting.GetName().Name, References(Grains));
    }

    [Fact]
    public void The_domain_references_neither_Orleans_runtime_nor_ASP_NET_Core()
    {
        var domain = typeof(Census.Domain.Rubric.AtusRubric).Assembly;
        Assert.DoesNotContain(References(domain), name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(References(domain), name => name is "Orleans.Runtime" or "Npgsql" or "Microsoft.Data.Sqlite");
    }
}
