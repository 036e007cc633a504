using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests;

/// <summary>
/// Issue 9, defect 3 under failure: a keyed request whose outcome is unknown (the work happened, the answer
/// was lost: a timeout, a silo gone) keeps its claim, so a prompt retry with the same key is told the request
/// is in flight instead of running it a second time (which would mint a second live API key).
/// </summary>
public sealed class IdempotencyOutcomeUnknownTests : IAsyncLifetime, IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();
    private readonly AnswerLostOnce _answerLost = new();
    private CensusGatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new CensusGatewayFactory(_data.Path, _adminKey)
        {
            ExtraServices = services => services.AddSingleton<IIncomingGrainCallFilter>(_answerLost),
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_retried_key_issue_whose_first_answer_was_lost_is_in_flight_not_a_second_key()
    {
        using var admin = _gateway.ClientWithKey(_adminKey);
        var api = new CensusApi(admin);
        var id = Ids.New();
        await api.RegisterValid(id);
        _answerLost.Arm();

        // This test expects a 5xx (the lost answer): its client is the server's own, without the suite's no-5xx guard.
        using var raw = _gateway.Server.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminKey);
        using var first = await IssueKey(raw, id, "issue-once");
        using var retry = await IssueKey(raw, id, "issue-once");

        Assert.True((int)first.StatusCode >= 500, $"The lost answer should be a 5xx, was {(int)first.StatusCode}.");
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.NotNull(retry.Headers.RetryAfter);
        using var keys = await admin.GetAsync($"{CensusApi.Institutions}/{id}/api-keys");
        var listed = (await keys.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        Assert.Equal(1, listed);
    }

    private static Task<HttpResponseMessage> IssueKey(HttpClient client, string institutionId, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{CensusApi.Institutions}/{institutionId}/api-keys");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Once armed, lets the next key issue happen and then loses its answer, as a timeout would.</summary>
    private sealed class AnswerLostOnce : IIncomingGrainCallFilter
    {
        private int _armed;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            if (context.InterfaceMethod.Name == "AddApiKey" && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                throw new TimeoutException("Injected: the key was stored but its answer was lost.");
            }
        }
    }
}
