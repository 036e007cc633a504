using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>User organisations for tests: a requester is registered for one that exists.</summary>
public static class Organisations
{
    /// <summary>Registers and verifies <paramref name="id"/> as a company unless it exists already.</summary>
    public static async Task EnsureAsync(HttpClient admin, string id)
    {
        using var registered = await admin.PostAsync("/api/v1/organisations", new JsonObject { ["id"] = id, ["name"] = "기관 " + id, ["kind"] = "company" }.AsJson());
        Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"organisation {id}: {(int)registered.StatusCode}");
        using var verified = await admin.PostAsync($"/api/v1/organisations/{id}/verification", new JsonObject { ["note"] = "시험용" }.AsJson());
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }
}
