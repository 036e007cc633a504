using System.Security.Cryptography;
using System.Text;
using Census.Contracts.Access;
using Census.Contracts.Provision;
using Census.Domain.Validation;

namespace Census.Domain.Access;

/// <summary>Agreements: which tiers have one, their texts' limits, and the hash an acceptance records.</summary>
public static class AgreementRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 100_000;

    public static ValidationErrors Validate(AgreementDraft? draft)
    {
        var errors = new ValidationErrors();
        if (draft is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.Required(errors, "tier", draft.Tier);
        if (draft.Tier == ReleaseTier.NotProvidable)
        {
            errors.Add("tier", "A dataset that is not providable has no agreement.");
        }

        Rules.RequiredText(errors, "title", draft.Title, MaxTitleLength);
        Rules.RequiredText(errors, "text", draft.Text, MaxTextLength);
        return errors;
    }

    /// <summary>The SHA-256 of the text's UTF-8 bytes, lower-case hex: what an acceptance records.</summary>
    public static string TextSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The current agreement of a tier: its highest version.</summary>
    public static Agreement? Current(IEnumerable<Agreement> agreements, ReleaseTier tier) =>
        agreements.Where(a => a.Tier == tier).MaxBy(a => a.Version);
}
