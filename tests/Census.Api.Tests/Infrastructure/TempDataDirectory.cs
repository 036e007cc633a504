namespace Census.Api.Tests.Infrastructure;

/// <summary>A fresh, empty data directory for one gateway (or a gateway and its restart); deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "census-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host; the OS temp cleanup gets it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
