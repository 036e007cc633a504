using Census.Contracts.Releases;
using Census.Domain.Validation;

namespace Census.Domain.Releases;

/// <summary>The rules of a release's requests and states (provision.md §1 "Release").</summary>
public static class ReleaseRules
{
    public const int MaxNotesLength = 2000;

    /// <summary>Parts a file may be stored in.</summary>
    public const int MaxParts = 10_000;

    public const string PublishedNeverChanges = "A published release never changes; make a new version.";

    public static Validated<NewRelease> Validate(NewRelease? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            return Validated<NewRelease>.Invalid(errors.Add("$", "A body is required."));
        }

        Rules.Id(errors, "roundId", request.RoundId);
        Rules.OptionalText(errors, "notes", request.Notes, MaxNotesLength);
        return errors.IsValid ? Validated<NewRelease>.Ok(request) : Validated<NewRelease>.Invalid(errors);
    }

    /// <summary>
    /// A file entry's request as the manifest's entry: the path and the hashes and sizes well formed, the parts' sizes
    /// adding up to the file's. Without parts the file is one part, the blob of the file's own hash. Whether the blobs
    /// exist and hash to what is claimed is the store's to check.
    /// </summary>
    public static Validated<ReleaseFile> Validate(string? path, ReleaseFileEntry? entry)
    {
        var errors = new ValidationErrors();
        if (ReleasePaths.Problem(path) is { } pathProblem)
        {
            errors.Add("path", pathProblem);
        }

        if (entry is null)
        {
            return Validated<ReleaseFile>.Invalid(errors.Add("$", "A body is required."));
        }

        ContentHashes.Sha256(errors, "sha256", entry.Sha256);
        ContentHashes.Size(errors, "bytes", entry.Bytes);
        var parts = entry.Parts;
        if (parts is { Count: 0 } or { Count: > MaxParts })
        {
            errors.Add("parts", $"must list from 1 to {MaxParts} parts, or be left out for a file stored whole.");
        }
        else if (parts is not null)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is not { } part)
                {
                    errors.Add($"parts[{i}]", "is required.");
                    continue;
                }

                ContentHashes.Sha256(errors, $"parts[{i}].sha256", part.Sha256);
                ContentHashes.Size(errors, $"parts[{i}].bytes", part.Bytes);
            }

            if (errors.IsValid && parts.Sum(p => p.Bytes!.Value) != entry.Bytes)
            {
                errors.Add("parts", "the parts' bytes must add up to the file's bytes.");
            }
        }

        if (!errors.IsValid)
        {
            return Validated<ReleaseFile>.Invalid(errors);
        }

        IReadOnlyList<ReleaseFilePart> stored = parts is null
            ? [new ReleaseFilePart(0, entry.Bytes!.Value, entry.Sha256!)]
            : [.. parts.Select((p, i) => new ReleaseFilePart(i, p.Bytes!.Value, p.Sha256!))];
        return Validated<ReleaseFile>.Ok(new ReleaseFile(path!, entry.Bytes!.Value, entry.Sha256!, stored));
    }

    /// <summary>Why a release in <paramref name="state"/> cannot change, or null when it can.</summary>
    public static string? Unchangeable(ReleaseState state) => state == ReleaseState.Published ? PublishedNeverChanges : null;

    /// <summary>Why a draft cannot be published yet, or null when it can.</summary>
    public static string? Unpublishable(Release release) =>
        Unchangeable(release.State) ?? (release.Files.Count == 0 ? "A release needs at least one file before it is published." : null);
}
