using System.Text.RegularExpressions;

namespace Census.Console.Tests.Infrastructure;

/// <summary>
/// The console over plain HTTP with a cookie jar, for what a browser would not do on its own: posts without or with
/// someone else's antiforgery token, and requests for every page with ids that are not the caller's.
/// </summary>
public sealed partial class ConsoleHttp : IDisposable
{
    private readonly HttpClient _client;

    public ConsoleHttp(ConsoleServer server)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path} ({(int)response.StatusCode}).");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>Signs in with <paramref name="key"/> through the sign-in form; fails unless the console accepted it.</summary>
    public async Task SignInAsync(string key)
    {
        var token = await TokenAsync("/console/sign-in");
        using var response = await PostFormAsync("/console/sign-in", ("_handler", "sign-in"), ("__RequestVerificationToken", token), ("Input.ApiKey", key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
