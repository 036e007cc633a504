using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests;

/// <summary>Every state change in the console needs the antiforgery token of the caller's own session (console.md "How it is tested").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AntiforgeryTests(ConsoleServer server)
{
    [Fact]
    public async Task A_sign_in_without_a_token_is_refused_and_starts_no_session()
    {
        using var http = new ConsoleHttp(server);
        _ = await http.TokenAsync("/console/sign-in");

        using var response = await http.PostFormAsync("/console/sign-in", ("_handler", "sign-in"), ("Input.ApiKey", server.AdminKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("요청을 처리할 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(http.Cookies.GetAllCookies(), c => c.Name == "census.session");
    }

    [Fact]
    public async Task A_sign_out_with_another_sessions_token_is_refused_and_the_session_goes_on()
    {
        using var victim = new ConsoleHttp(server);
        await victim.SignInAsync(server.AdminKey);
        using var attacker = new ConsoleHttp(server);
        await attacker.SignInAsync(server.AdminKey);
        var foreignToken = await attacker.TokenAsync("/console/admin");

        using var refused = await victim.PostFormAsync("/console/sign-out", ("__RequestVerificationToken", foreignToken), ("signOut", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var still = await victim.GetAsync("/console/admin");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_sign_out_without_a_token_is_refused_and_the_session_goes_on()
    {
        using var http = new ConsoleHttp(server);
        await http.SignInAsync(server.AdminKey);

        using var refused = await http.PostFormAsync("/console/sign-out", ("signOut", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var still = await http.GetAsync("/console/admin");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_sign_out_with_its_own_token_ends_the_session()
    {
        using var http = new ConsoleHttp(server);
        await http.SignInAsync(server.AdminKey);
        var token = await http.TokenAsync("/console/admin");

        using var signedOut = await http.PostFormAsync("/console/sign-out", ("__RequestVerificationToken", token), ("signOut", "1"));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await http.GetAsync("/console/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/sign-in", after.Headers.Location!.OriginalString.Replace(server.BaseUrl, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_without_a_token_is_refused()
    {
        using var http = new ConsoleHttp(server);
        using var refused = await http.PostFormAsync("/console/language", ("culture", "en"), ("returnUrl", "/console/sign-in"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain(http.Cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Culture");
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_the_console()
    {
        using var http = new ConsoleHttp(server);
        var token = await http.TokenAsync("/console/sign-in");
        using var response = await http.PostFormAsync("/console/language", ("__RequestVerificationToken", token), ("culture", "en"), ("returnUrl", "//evil.example/phish"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location!.OriginalString);
    }
}
