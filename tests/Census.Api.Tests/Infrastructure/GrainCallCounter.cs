using System.Collections.Concurrent;

namespace Census.Api.Tests.Infrastructure;

/// <summary>Counts the grain calls the in-process silo receives, by interface and method (<c>IInstitutionGrain.VerifyApiKey</c>).</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Of(string interfaceName, string method) => _calls.GetValueOrDefault($"{interfaceName}.{method}");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name}", 1, (_, n) => n + 1);
        await context.Invoke();
    }
}
