// GET one URL; exit 0 on a 2xx answer, 1 on any other answer or none within five seconds.
//   dotnet /opt/health-probe/HealthProbe.dll http://127.0.0.1:5090/health/ready
if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
{
    await Console.Error.WriteLineAsync("usage: HealthProbe <absolute http url>");
    return 2;
}

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
try
{
    using var response = await http.GetAsync(url);
    Console.WriteLine($"{(int)response.StatusCode} {url}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
{
    await Console.Error.WriteLineAsync($"{url}: {e.Message}");
    return 1;
}
