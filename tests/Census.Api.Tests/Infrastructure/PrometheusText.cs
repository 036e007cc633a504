using System.Globalization;

namespace Census.Api.Tests.Infrastructure;

/// <summary>Reads the Prometheus text format that <c>/metrics</c> answers: one sample per line, <c>name{labels} value</c>.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>Every sample of <paramref name="name"/> (exact metric name, any labels) as (labels, value).</summary>
    public IReadOnlyList<(string Labels, double Value)> Samples(string name)
    {
        var samples = new List<(string, double)>();
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length)
            {
                continue;
            }

            var rest = line[name.Length..];
            string labels;
            if (rest[0] == '{')
            {
                var close = rest.LastIndexOf('}');
                labels = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else if (rest[0] == ' ')
            {
                labels = "";
            }
            else
            {
                continue; // another metric whose name starts with this one
            }

            var value = rest.Trim().Split(' ')[0];
            samples.Add((labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    /// <summary>The sum of every sample of <paramref name="name"/>; 0 when the metric has none yet.</summary>
    public double Sum(string name) => Samples(name).Sum(s => s.Value);

    /// <summary>Scrapes <c>/metrics</c> anonymously.</summary>
    public static async Task<PrometheusText> Scrape(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Scrapes until <paramref name="done"/> holds (the exporter may answer from a cache for a
    /// moment after a change) or 10 seconds pass; returns the last scrape.
    /// </summary>
    public static async Task<PrometheusText> ScrapeUntil(HttpClient client, Func<PrometheusText, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var metrics = await Scrape(client);
            if (done(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(200);
        }
    }
}
