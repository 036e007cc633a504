using Census.Contracts.Access;
using Census.Contracts.Common;
using Census.Domain.Access;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Access;

/// <summary>
/// The queues of access requests and the list of grants. Requests and grants tell it of each change after their own state
/// is stored, and again until it is taken (a repeated note with the same content writes nothing).
/// </summary>
[GrainType("access-board")]
public sealed class AccessBoardGrain(
    [PersistentState("board", StorageNames.Census)] IPersistentState<AccessBoardState> state) : Grain, IAccessBoardGrain
{
    async Task IAccessBoardGrain.NoteRequest(AccessRequestSummary request)
    {
        if (state.State.Requests.TryGetValue(request.Id, out var existing) && existing == request)
        {
            return;
        }

        state.State.Requests[request.Id] = request;
        await state.WriteOrRollBackAsync(this);
    }

    async Task IAccessBoardGrain.NoteGrant(Grant grant)
    {
        if (state.State.Grants.TryGetValue(grant.Id, out var existing) && existing == grant)
        {
            return;
        }

        state.State.Grants[grant.Id] = grant;
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<AccessRequestSummary>> IAccessBoardGrain.Requests(AccessQuery query, int page, int pageSize)
    {
        var matching = state.State.Requests.Values
            .Where(r => query.InstitutionId is null || r.InstitutionId == query.InstitutionId)
            .Where(r => query.DatasetId is null || r.DatasetId == query.DatasetId)
            .Where(r => query.RequesterId is null || r.RequesterId == query.RequesterId)
            .Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => !query.OpenOnly || AccessRequestRules.IsOpen(r.Status))
            .Where(r => query.ExcludeOrganisation is null || (r.OrganisationId != query.ExcludeOrganisation && r.InstitutionId != query.ExcludeOrganisation))
            .Where(r => query.Overdue is null || AccessRequestRules.IsOverdue(r.Status, r.DueAt, query.Now) == query.Overdue)
            .OrderBy(r => r.DueAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<AccessRequestSummary>([.. Paging.Slice(matching, page, pageSize)], page, pageSize, matching.Count));
    }

    Task<Page<Grant>> IAccessBoardGrain.Grants(GrantQuery query, int page, int pageSize)
    {
        var matching = state.State.Grants.Values
            .Where(g => query.InstitutionId is null || g.InstitutionId == query.InstitutionId)
            .Where(g => query.RequesterId is null || g.RequesterId == query.RequesterId)
            .Where(g => query.Status is null || GrantRules.StatusAt(g, query.Now) == query.Status)
            .OrderByDescending(g => g.IssuedAt)
            .ThenBy(g => g.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<Grant>([.. Paging.Slice(matching, page, pageSize)], page, pageSize, matching.Count));
    }

    Task<IReadOnlyList<string>> IAccessBoardGrain.LiveGrants() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Grants.Values.Where(g => g.Status == GrantStatus.Live).Select(g => g.Id)]);
}
