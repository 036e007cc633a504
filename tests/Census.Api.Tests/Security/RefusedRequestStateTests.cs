using Census.Api.Tests.Security.Fuzzing;
using Census.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests.Security;

/// <summary>
/// api.md "Conventions": a request that fails never changes state — checked on the store itself
/// (<see cref="StoreFingerprint"/>), for the refusals the fuzzer found writing: asking a round about an
/// institution it does not invite recorded that institution as one of the round's subscribers.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class RefusedRequestStateTests(GatewayFixture gateway) : IDisposable
{
    private readonly StoreFingerprint _store = new(gateway.Factory.Services.GetRequiredService<LocalStore>().DatabasePath);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Asking_for_the_assignment_of_an_institution_a_round_does_not_invite_changes_nothing()
    {
        var invited = await gateway.NewInstitution();
        var other = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(invited);
        _store.Accept();

        using var response = await gateway.Surveys.GetAssignment(round, other);

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(_store.Changes());
    }

    [Fact]
    public async Task Asking_a_round_open_to_everyone_about_an_unregistered_institution_changes_nothing()
    {
        var round = await gateway.NewOpenRound();
        _store.Accept();

        using var response = await gateway.Surveys.Get(round, Ids.New("nobody"), "ds-1");

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(_store.Changes());
    }

    [Fact]
    public async Task Writing_a_record_for_an_institution_the_round_does_not_invite_changes_nothing()
    {
        var invited = await gateway.NewInstitution();
        var other = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(invited);
        _store.Accept();

        using var response = await gateway.Surveys.Put(round, other, "ds-1", SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Empty(_store.Changes());
    }

    [Fact]
    public async Task Submitting_for_an_institution_the_round_does_not_invite_changes_nothing()
    {
        var invited = await gateway.NewInstitution();
        var other = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(invited);
        _store.Accept();

        using var response = await gateway.Surveys.Submit(round, other);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Empty(_store.Changes());
    }

    [Fact]
    public async Task An_invited_institution_still_hears_of_the_round_closing()
    {
        var institution = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(institution);
        Assert.Equal("invited", await gateway.Surveys.Status(round, institution));

        await gateway.Rounds.CloseValid(round);
        using var response = await gateway.Surveys.Put(round, institution, "ds-1", SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
    }
}
