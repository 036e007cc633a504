namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// Fault tests measure recovery times on real processes: they never share the machine with another
/// test class, whatever the assembly's parallelization setting becomes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Fault";
}
