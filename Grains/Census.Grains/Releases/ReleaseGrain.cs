using Census.Contracts.Common;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Census.Domain.Releases;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Releases;

/// <summary>
/// The releases of one dataset (key <c>{institutionId}/{datasetId}</c>): manifests only, the files being in the
/// content-addressed store. A publication is stored first and told to the processing case after: the release is
/// immutable the moment it is stored, so a case that cannot be reached then is told later (on the next write or
/// activation) instead of undoing a publication that clients may already be downloading.
/// </summary>
[GrainType("release")]
public sealed class ReleaseGrain(
    [PersistentState("release", StorageNames.Census)] IPersistentState<ReleaseHistoryState> state,
    TimeProvider clock,
    ILogger<ReleaseGrain> logger) : Grain, IReleaseGrain
{
    /// <summary>If-Match <c>*</c> (see the gateway's Preconditions): any current revision.</summary>
    private const int AnyRevision = 0;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => TellCasesAsync();

    async Task<ReleaseResult> IReleaseGrain.CreateDraft(ReleaseDraft draft, string actor)
    {
        if (state.State.Releases.FirstOrDefault(r => r.State == ReleaseState.Draft) is { } open)
        {
            return new ReleaseResult(ReleaseOutcome.DraftOpen, open,
                $"Version {open.Version} is still a draft: publish it or change its files; one draft at a time.");
        }

        var key = this.GetPrimaryKeyString().Split('/');
        var release = new Release(
            key[0], key[1], ReleaseVersions.Next(state.State.Releases.Select(r => r.Version)), ReleaseState.Draft,
            draft.RoundId, draft.Tier, draft.Notes, [], 0, clock.GetUtcNow(), actor, null, null, Revision: 1)
        {
            License = draft.License,
        };
        state.State.Releases.Add(release);
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Release {Version} of {Dataset} drafted by {Actor}", release.Version, this.GetPrimaryKeyString(), actor);
        return new ReleaseResult(ReleaseOutcome.Created, release, null);
    }

    Task<ReleaseResult> IReleaseGrain.PutFile(string version, ReleaseFile file, IReadOnlyList<int>? ifMatch, string actor) =>
        ChangeDraftAsync(version, ifMatch, release =>
        {
            var files = release.Files.ToList();
            var at = files.FindIndex(f => f.Path == file.Path);
            if (at >= 0)
            {
                files[at] = file;
            }
            else
            {
                files.Add(file);
            }

            return (WithFiles(release, files), null);
        });

    Task<ReleaseResult> IReleaseGrain.RemoveFile(string version, string path, IReadOnlyList<int>? ifMatch, string actor) =>
        ChangeDraftAsync(version, ifMatch, release =>
        {
            var files = release.Files.Where(f => f.Path != path).ToList();
            return files.Count == release.Files.Count
                ? (null, new ReleaseResult(ReleaseOutcome.NotFound, release, $"Version {version} has no file '{path}'."))
                : (WithFiles(release, files), null);
        });

    async Task<ReleaseResult> IReleaseGrain.Publish(string version, IReadOnlyList<int>? ifMatch, string actor)
    {
        var result = await ChangeDraftAsync(version, ifMatch, release =>
            ReleaseRules.Unpublishable(release) is { } why
                ? (null, new ReleaseResult(ReleaseOutcome.Invalid, release, why))
                : (release with { State = ReleaseState.Published, PublishedAt = clock.GetUtcNow(), PublishedBy = actor }, null),
            notice: release => new ReleaseNotice(release.RoundId, release.Version, actor));
        if (result.Outcome == ReleaseOutcome.Ok)
        {
            logger.LogInformation("Release {Version} of {Dataset} published by {Actor}", version, this.GetPrimaryKeyString(), actor);
            await TellCasesAsync();
        }

        return result;
    }

    Task<Release?> IReleaseGrain.Get(string version) => Task.FromResult(Find(version));

    Task<Page<Release>> IReleaseGrain.List(int page, int pageSize)
    {
        var all = state.State.Releases.Select(r => r.Version).ToList();
        all.Sort(ReleaseVersions.CompareNewestFirst);
        var items = all.Skip((page - 1) * pageSize).Take(pageSize).Select(v => Find(v)!).ToList();
        return Task.FromResult(new Page<Release>(items, page, pageSize, all.Count));
    }

    /// <summary>
    /// The one way a release changes: it must exist, be a draft and be at a revision If-Match names; then
    /// <paramref name="change"/> gives the new release (its revision is set here) or a refusal.
    /// </summary>
    private async Task<ReleaseResult> ChangeDraftAsync(
        string version, IReadOnlyList<int>? ifMatch, Func<Release, (Release? Changed, ReleaseResult? Refused)> change,
        Func<Release, ReleaseNotice>? notice = null)
    {
        await TellCasesAsync();
        if (Find(version) is not { } release)
        {
            return new ReleaseResult(ReleaseOutcome.NotFound, null, $"No release version '{version}'.");
        }

        if (ReleaseRules.Unchangeable(release.State) is { } why)
        {
            return new ReleaseResult(ReleaseOutcome.Published, release, why);
        }

        if (ifMatch is not null && !ifMatch.Contains(AnyRevision) && !ifMatch.Contains(release.Revision))
        {
            return new ReleaseResult(ReleaseOutcome.Stale, release, $"Version {version} is at revision {release.Revision}.");
        }

        var (changed, refused) = change(release);
        if (refused is not null)
        {
            return refused;
        }

        var stored = changed! with { Revision = release.Revision + 1 };
        var index = state.State.Releases.IndexOf(release);
        state.State.Releases[index] = stored;
        if (notice is not null)
        {
            state.State.Unnoticed.Add(notice(stored));
        }

        await state.WriteOrRollBackAsync(this);
        return new ReleaseResult(ReleaseOutcome.Ok, stored, null);
    }

    /// <summary>Tells the processing cases of the publications they have not heard of; what fails is told on a later call.</summary>
    private async Task TellCasesAsync()
    {
        if (state.State.Unnoticed.Count == 0)
        {
            return;
        }

        var told = new List<ReleaseNotice>();
        foreach (var notice in state.State.Unnoticed)
        {
            try
            {
                var outcome = await GrainFactory.GetGrain<IProcessingCaseGrain>($"{notice.RoundId}/{this.GetPrimaryKeyString()}")
                    .Released(notice.Version, notice.Actor);
                if (outcome.Outcome is not (CaseOutcome.Ok or CaseOutcome.Opened))
                {
                    // The case refused (none, or in another state): asking again would get the same answer.
                    logger.LogWarning("The processing case of {Dataset} in {RoundId} refused release {Version}: {Detail}",
                        this.GetPrimaryKeyString(), notice.RoundId, notice.Version, outcome.Detail);
                }

                told.Add(notice);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the processing case of {Dataset} in {RoundId} of release {Version}; will retry",
                    this.GetPrimaryKeyString(), notice.RoundId, notice.Version);
            }
        }

        if (told.Count > 0)
        {
            state.State.Unnoticed.RemoveAll(told.Contains);
            await state.WriteOrRollBackAsync(this);
        }
    }

    private Release? Find(string version) => state.State.Releases.FirstOrDefault(r => r.Version == version);

    private static Release WithFiles(Release release, IReadOnlyList<ReleaseFile> files) =>
        release with { Files = files, TotalBytes = files.Sum(f => f.Bytes) };
}
