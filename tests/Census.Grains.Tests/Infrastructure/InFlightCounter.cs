using System.Collections.Concurrent;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>The most calls of one grain method that were ever under way at once, by <c>Interface.Method</c>.</summary>
public sealed class InFlightCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, (int Now, int Most)> _calls = new(StringComparer.Ordinal);

    public int Most(string interfaceAndMethod) => _calls.GetValueOrDefault(interfaceAndMethod).Most;

    public void Reset() => _calls.Clear();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = $"{context.InterfaceMethod?.DeclaringType?.Name}.{context.MethodName}";
        _calls.AddOrUpdate(key, (1, 1), (_, c) => (c.Now + 1, Math.Max(c.Most, c.Now + 1)));
        try
        {
            await context.Invoke();
        }
        finally
        {
            _calls.AddOrUpdate(key, (0, 0), (_, c) => (c.Now - 1, c.Most));
        }
    }
}
