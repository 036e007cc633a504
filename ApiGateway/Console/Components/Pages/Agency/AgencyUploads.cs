using Census.Hosting;
using Census.Exchange.Template;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Console.Components.Pages.Agency;

/// <summary>
/// The files of the console's dry runs, kept on the gateway so "등록" imports the same bytes without the person choosing
/// the file again: under the data directory, by institution and dry-run import id, deleted after the commit or an hour.
/// </summary>
public sealed class AgencyUploads(IOptions<CensusOptions> census, TimeProvider clock)
{
    /// <summary>How long a dry run's file waits for its commit.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private static readonly string[] Extensions = [".xlsx", ".csv", ".ndjson"];

    /// <summary>The store as a request's services configure it (no registration of its own: it holds no state).</summary>
    public static AgencyUploads For(HttpContext context) => new(
        context.RequestServices.GetRequiredService<IOptions<CensusOptions>>(),
        context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System);

    private string Root => Path.Combine(Path.GetFullPath(census.Value.DataDirectory), "console-uploads");

    /// <summary>The media type the API would be sent for a file of this name; null for a kind it does not import.</summary>
    public static string? MediaType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => SurveyTemplate.XlsxMediaType,
        ".csv" => "text/csv",
        ".ndjson" => "application/x-ndjson",
        _ => null,
    };

    /// <summary>A new file to receive an upload before its import id is known.</summary>
    public string NewTemporary()
    {
        Sweep();
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, "incoming-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Keeps <paramref name="temporary"/> as the file of a dry run.</summary>
    public void Keep(string temporary, string institutionId, string importId, string extension)
    {
        var folder = Path.Combine(Root, institutionId);
        Directory.CreateDirectory(folder);
        File.Move(temporary, Path.Combine(folder, importId + extension), overwrite: true);
    }

    /// <summary>The kept file of a dry run that is still within its hour; null otherwise.</summary>
    public string? Find(string institutionId, string importId)
    {
        foreach (var extension in Extensions)
        {
            var path = Path.Combine(Root, institutionId, importId + extension);
            if (File.Exists(path))
            {
                if (clock.GetUtcNow() - File.GetLastWriteTimeUtc(path) <= KeepFor)
                {
                    return path;
                }

                File.Delete(path);
            }
        }

        return null;
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another request is reading it (a double click on 등록); the sweep removes it within the hour.
        }
    }

    /// <summary>Removes files older than <see cref="KeepFor"/>: every upload sweeps, so none waits long past its hour.</summary>
    private void Sweep()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                Delete(file);
            }
        }
    }
}
