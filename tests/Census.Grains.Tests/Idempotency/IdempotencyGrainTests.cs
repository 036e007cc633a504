using Census.Contracts.Idempotency;

namespace Census.Grains.Tests.Idempotency;

/// <summary>The store behind Idempotency-Key: one claim runs, duplicates wait or replay, other requests are refused.</summary>
[Collection(FlakyStorageClusterCollection.Name)]
public sealed class IdempotencyGrainTests(FlakyStorageClusterFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private IIdempotencyGrain NewKey() => fixture.Client.GetGrain<IIdempotencyGrain>(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_first_claim_of_a_key_proceeds()
    {
        var claim = await NewKey().Claim("request-a", Lease);

        Assert.Equal(IdempotencyOutcome.Proceed, claim.Outcome);
    }

    [Fact]
    public async Task The_same_request_while_the_first_runs_is_in_flight_with_a_retry_time()
    {
        var store = NewKey();
        await store.Claim("request-a", Lease);

        var duplicate = await store.Claim("request-a", Lease);

        Assert.Equal(IdempotencyOutcome.InFlight, duplicate.Outcome);
        Assert.True(duplicate.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_same_request_after_the_first_completed_replays_its_reply()
    {
        var store = NewKey();
        var first = await store.Claim("request-a", Lease);
        await store.Complete(first.ClaimId, [1, 2, 3]);

        var again = await store.Claim("request-a", Lease);

        Assert.Equal(IdempotencyOutcome.Replay, again.Outcome);
        Assert.Equal([1, 2, 3], again.SealedReply);
    }

    [Fact]
    public async Task A_completed_reply_survives_deactivation()
    {
        var store = NewKey();
        var first = await store.Claim("request-a", Lease);
        await store.Complete(first.ClaimId, [7]);

        await fixture.Cluster.DeactivateAsync(store);

        Assert.Equal([7], (await store.Claim("request-a", Lease)).SealedReply);
    }

    [Fact]
    public async Task An_in_flight_claim_survives_deactivation()
    {
        var store = NewKey();
        await store.Claim("request-a", Lease);

        await fixture.Cluster.DeactivateAsync(store);

        Assert.Equal(IdempotencyOutcome.InFlight, (await store.Claim("request-a", Lease)).Outcome);
    }

    [Fact]
    public async Task Another_request_with_a_used_key_is_refused()
    {
        var store = NewKey();
        var first = await store.Claim("request-a", Lease);
        await store.Complete(first.ClaimId, [1]);

        Assert.Equal(IdempotencyOutcome.OtherRequest, (await store.Claim("request-b", Lease)).Outcome);
    }

    [Fact]
    public async Task A_released_claim_lets_a_retry_run_again()
    {
        var store = NewKey();
        var first = await store.Claim("request-a", Lease);
        await store.Release(first.ClaimId);

        Assert.Equal(IdempotencyOutcome.Proceed, (await store.Claim("request-a", Lease)).Outcome);
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_lets_a_retry_run_and_the_late_completion_is_ignored()
    {
        var store = NewKey();
        var abandoned = await store.Claim("request-a", TimeSpan.Zero);

        var retry = await store.Claim("request-a", Lease);
        await store.Complete(abandoned.ClaimId, [9]);

        Assert.Equal(IdempotencyOutcome.Proceed, retry.Outcome);
        Assert.Equal(IdempotencyOutcome.InFlight, (await store.Claim("request-a", Lease)).Outcome);
    }
}
