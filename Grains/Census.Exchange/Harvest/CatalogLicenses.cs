using System.Text.RegularExpressions;
using Census.Contracts.Surveys;

namespace Census.Exchange.Harvest;

/// <summary>
/// A catalogue's licence (IRI or name) → the census licence, when it is one the census knows:
/// Creative Commons (creativecommons.org IRIs, any version, deed or legal code), the EU licence authority
/// (<c>…/authority/licence/CC_BY_4_0</c>), SPDX ids and IRIs (<c>CC-BY-4.0</c>), Open Data Commons
/// (<c>opendatacommons.org/licenses/odbl/</c>), the DCAT-AP.de licence list, KOGL (공공누리 type 1–4, by
/// kogl.or.kr IRI or name) and U.S. government works (public domain). Anything else is null: the caller
/// records <see cref="License.Unknown"/>.
/// </summary>
public static partial class CatalogLicenses
{
    [GeneratedRegex(@"creativecommons\.org/licenses/(?<kind>by(-nc)?(-sa|-nd)?)(/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreativeCommons();

    [GeneratedRegex(@"(licenseType|codetype|type)0?(?<n>[1-4])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KoglType();

    [GeneratedRegex(@"(공공누리|KOGL).*?(제\s*)?(?<n>[1-4])\s*(유형|type)?|(Type|유형)\s*(?<n>[1-4])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KoglName();

    private static readonly Dictionary<string, License> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["by"] = License.CcBy,
        ["by-sa"] = License.CcBySa,
        ["by-nc"] = License.CcByNc,
        ["by-nd"] = License.CcByNd,
        ["by-nc-sa"] = License.CcByNcSa,
        ["by-nc-nd"] = License.CcByNcNd,
        ["cc0"] = License.Cc0,
        ["cczero"] = License.Cc0,
        ["cc-zero"] = License.Cc0,
        ["ccby"] = License.CcBy,
        ["ccbysa"] = License.CcBySa,
        ["ccbync"] = License.CcByNc,
        ["ccbynd"] = License.CcByNd,
        ["ccbyncsa"] = License.CcByNcSa,
        ["ccbyncnd"] = License.CcByNcNd,
        ["odcby"] = License.OdcBy,
        ["odcodbl"] = License.Odbl,
        ["odbl"] = License.Odbl,
        ["odcpddl"] = License.Pddl,
        ["pddl"] = License.Pddl,
        ["publicdomain"] = License.PublicDomain,
        ["pdm"] = License.PublicDomain,
    };

    public static License? For(string licence)
    {
        var text = licence.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains("creativecommons.org/publicdomain/zero", StringComparison.OrdinalIgnoreCase))
        {
            return License.Cc0;
        }

        if (text.Contains("creativecommons.org/publicdomain/mark", StringComparison.OrdinalIgnoreCase)
            || text.Contains("usa.gov/government-works", StringComparison.OrdinalIgnoreCase)
            || text.Contains("usa.gov/publicdomain", StringComparison.OrdinalIgnoreCase))
        {
            return License.PublicDomain;
        }

        if (CreativeCommons().Match(text) is { Success: true } cc)
        {
            return ByCode[cc.Groups["kind"].Value];
        }

        if (text.Contains("opendatacommons.org/licenses/", StringComparison.OrdinalIgnoreCase))
        {
            return Segment(text, "opendatacommons.org/licenses/") switch
            {
                "by" => License.OdcBy,
                "odbl" => License.Odbl,
                "pddl" => License.Pddl,
                _ => null,
            };
        }

        if (text.Contains("kogl.or.kr", StringComparison.OrdinalIgnoreCase))
        {
            return KoglType().Match(text) is { Success: true } k ? Kogl(k.Groups["n"].Value) : null;
        }

        if (text.Contains("공공누리", StringComparison.Ordinal) || text.StartsWith("KOGL", StringComparison.OrdinalIgnoreCase))
        {
            return KoglName().Match(text) is { Success: true } k ? Kogl(k.Groups["n"].Value) : null;
        }

        // EU licence authority, DCAT-AP.de and SPDX name their licences by a code in the last path segment.
        if (text.Contains("/authority/licence/", StringComparison.OrdinalIgnoreCase)
            || text.Contains("dcat-ap.de/def/licenses/", StringComparison.OrdinalIgnoreCase)
            || text.Contains("spdx.org/licenses/", StringComparison.OrdinalIgnoreCase))
        {
            var code = text.Contains("dcat-ap.de/def/licenses/", StringComparison.OrdinalIgnoreCase)
                ? Segment(text, "dcat-ap.de/def/licenses/")
                : text.TrimEnd('/')[(text.TrimEnd('/').LastIndexOf('/') + 1)..];
            return ByName(code.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || code.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? code[..^5] : code);
        }

        return IriOrUrl(text) ? null : ByName(text);
    }

    private static License? ByName(string name)
    {
        // "CC_BY_4_0", "CC-BY-SA-4.0", "CC BY-NC 2.0 KR", "ODC-ODbL-1.0", "cc-zero": drop the version and separators.
        var letters = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var withoutVersion = letters.TrimEnd("0123456789".ToCharArray());
        foreach (var suffix in new[] { "kr", "igo", "de", "int" })
        {
            if (withoutVersion.EndsWith(suffix, StringComparison.Ordinal) && ByCode.ContainsKey(withoutVersion[..^suffix.Length].TrimEnd("0123456789".ToCharArray())))
            {
                withoutVersion = withoutVersion[..^suffix.Length].TrimEnd("0123456789".ToCharArray());
            }
        }

        if (withoutVersion == "cc" && letters.StartsWith("cc0", StringComparison.Ordinal))
        {
            return License.Cc0;
        }

        return ByCode.TryGetValue(withoutVersion, out var license) ? license : null;
    }

    private static string Segment(string text, string after)
    {
        var start = text.IndexOf(after, StringComparison.OrdinalIgnoreCase) + after.Length;
        var rest = text[start..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return (end < 0 ? rest : rest[..end]).ToLowerInvariant();
    }

    private static bool IriOrUrl(string text) => text.Contains("://", StringComparison.Ordinal);

    private static License Kogl(string type) => type switch
    {
        "1" => License.KoglType1,
        "2" => License.KoglType2,
        "3" => License.KoglType3,
        _ => License.KoglType4,
    };
}
