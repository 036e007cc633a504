namespace Census.Api.Tests.Infrastructure;

/// <summary>Reading and checking responses.</summary>
public static class Responses
{
    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Asserts the exact status and an <c>application/problem+json</c> body carrying that status and a
    /// title; returns the body.
    /// </summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), "The problem has no title.");
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name every one of <paramref name="fields"/>.</summary>
    public static async Task<JsonElement> AssertFieldErrors(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), "The problem has no errors member: " + problem);
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"errors does not name '{field}': {errors}");
            Assert.True(messages.GetArrayLength() > 0, $"errors.{field} has no message.");
        }

        return problem;
    }
}
