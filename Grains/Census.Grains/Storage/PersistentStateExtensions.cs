namespace Census.Grains.Storage;

/// <summary>Writing grain state so that a failed write never leaves memory claiming what storage lacks.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write fails, reloads the stored state (or, if that fails too,
    /// deactivates the grain so the next call reloads it) and rethrows. A grain mutates its state
    /// before writing, so without this a retry after a failed write could see a change that was
    /// never stored — a revoked key that comes back after the next activation, for instance.
    /// </summary>
    public static async Task WriteOrRollBackAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "grain state could not be written or reloaded"));
            }

            throw;
        }
    }
}
