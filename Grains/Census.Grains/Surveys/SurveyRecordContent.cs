using System.Security.Cryptography;
using System.Text;
using Census.Contracts.Surveys;

namespace Census.Grains.Surveys;

/// <summary>
/// When two records say the same: their stored JSON (<see cref="SurveyDocumentJson"/>) is equal. Lists inside a
/// record compare by reference in C#, so the text is the one comparison that means "the same content".
/// </summary>
internal static class SurveyRecordContent
{
    public static bool Same(SurveyRecord a, SurveyRecord b) =>
        string.Equals(SurveyDocumentJson.Write(a), SurveyDocumentJson.Write(b), StringComparison.Ordinal);

    /// <summary>A short digest of the content, for holding many records' content without the records.</summary>
    public static string Digest(SurveyRecord record) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(SurveyDocumentJson.Write(record))).AsSpan(0, 16));
}
