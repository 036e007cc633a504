namespace Census.ApiGateway.Http;

/// <summary>
/// Endpoint metadata: this route keeps its own Idempotency-Key replies (the survey-record PUT, in its dataset
/// grain), so the generic store (<see cref="Idempotency"/>) leaves it alone.
/// </summary>
public sealed class OwnIdempotency
{
    public static readonly OwnIdempotency Instance = new();

    private OwnIdempotency()
    {
    }
}
