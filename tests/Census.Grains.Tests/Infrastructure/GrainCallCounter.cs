using System.Collections.Concurrent;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>Counts the calls every silo of a test cluster receives, by grain interface and method (<c>IFoo.Bar</c>).</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count(string interfaceAndMethod) => _counts.GetValueOrDefault(interfaceAndMethod);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _counts.AddOrUpdate($"{context.InterfaceMethod?.DeclaringType?.Name}.{context.MethodName}", 1, (_, n) => n + 1);
        await context.Invoke();
    }
}
