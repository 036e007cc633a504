using Microsoft.Extensions.Options;

namespace Census.Grains.Imports;

/// <summary>
/// The row writes of every import running on one silo, bounded together. Each import keeps at most
/// <see cref="ImportOptions.Parallelism"/> rows in flight, but two hundred institutions importing at once would
/// otherwise put thousands of writes in the silo's queues, and every other call — an agency's PUT, a GET — would
/// wait behind them past the client's response timeout. With the silo's slots taken, imports wait their turn
/// instead; calls that are not imports do not.
/// </summary>
public sealed class ImportWriteSlots(IOptions<ImportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.SiloParallelism, options.Value.SiloParallelism);

    /// <summary>Slots free now; for tests and diagnostics.</summary>
    public int Free => _slots.CurrentCount;

    public Task WaitAsync() => _slots.WaitAsync();

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
