using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Resources;
using Census.ApiGateway.Releases;
using Census.Contracts.Exports;
using Census.Domain.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Exports;

/// <summary>
/// The export pages' addresses, words and the one way a file from a form reaches the content store: the upload
/// sessions the API's upload routes use, so the blob is the one an API upload of the same bytes would leave.
/// </summary>
public static partial class ExportWords
{
    public const string Mine = "/console/my/exports";

    public const string Queue = "/console/output-checks";

    public static string MyExport(string id) => $"{Mine}/{id}";

    public static string Check(string id) => $"{Queue}/{id}";

    public static string File(string id, string path) =>
        $"{Mine}/{id}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>An enumeration value's words: <c>Status.in-check</c> → 검토 중(1명 승인).</summary>
    public static string Label<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    public static string StatusClass(ExportStatus status) => status switch
    {
        ExportStatus.Approved => "ok",
        ExportStatus.Rejected => "bad",
        _ => "warn",
    };

    public static string CheckClass(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Pass => "ok",
        CheckOutcome.Fail => "bad",
        _ => "warn",
    };

    /// <summary>
    /// Stores a form's file through the upload sessions (begin, then its bytes in one chunk): its SHA-256 and size, or
    /// null when it is larger than one chunk may be.
    /// </summary>
    public static async Task<(string Sha256, long Bytes)?> StoreAsync(IFormFile file, UploadSessions uploads, CancellationToken cancellationToken)
    {
        if (file.Length > UploadsApi.MaxChunkBytes)
        {
            return null;
        }

        string sha256;
        await using (var content = file.OpenReadStream())
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }

        var upload = await uploads.BeginAsync(sha256, file.Length, cancellationToken);
        if (!upload.Complete)
        {
            await using var content = file.OpenReadStream();
            var (outcome, _) = await uploads.AppendAsync(upload.Id, 0, file.Length, content, cancellationToken);
            if (outcome != UploadOutcome.Appended)
            {
                return null;
            }
        }

        return (sha256, file.Length);
    }

    /// <summary>A table's cells as typed: one <c>key,count</c> a line; the first bad line's number when one is not.</summary>
    public static (List<NewExportCell>? Cells, int BadLine) ParseCells(string? text)
    {
        var cells = new List<NewExportCell>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.LastIndexOf(',');
            if (comma <= 0 || !long.TryParse(line[(comma + 1)..].Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var count))
            {
                return (null, i + 1);
            }

            cells.Add(new NewExportCell { Key = line[..comma].Trim(), Count = count });
        }

        return (cells, 0);
    }

    /// <summary>A refusal of a submission or a decision in the page's words, or null when it has no known wording.</summary>
    public static string? Refusal(ProblemDetails problem, IStringLocalizer<ExportText> text)
    {
        var detail = problem.Detail ?? "";
        var key = detail switch
        {
            _ when NotLive().IsMatch(detail) => "Problem.NoLiveGrant",
            _ when NotIndependent().IsMatch(detail) => "Problem.OwnOrganisation",
            _ when AlreadyDecided().IsMatch(detail) => "Problem.Twice",
            _ when Closed().IsMatch(detail) => "Problem.Closed",
            _ when ChecksFail().IsMatch(detail) => "Problem.ChecksFail",
            _ => null,
        };
        return key is null ? null : text[key].Value;
    }

    [GeneratedRegex(@"is not a live safe-zone grant of this requester")] private static partial Regex NotLive();
    [GeneratedRegex(@"may not decide on an export of their own")] private static partial Regex NotIndependent();
    [GeneratedRegex(@"has already decided on this export")] private static partial Regex AlreadyDecided();
    [GeneratedRegex(@"^The export is already ")] private static partial Regex Closed();
    [GeneratedRegex(@"^An automatic check fails")] private static partial Regex ChecksFail();
}
