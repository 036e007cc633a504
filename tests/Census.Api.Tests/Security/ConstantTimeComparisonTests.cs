using System.Reflection;
using System.Security.Cryptography;
using Census.ApiGateway.Auth;
using Census.Contracts.Institutions;
using Census.Domain.Security;
using Census.Grains.Institutions;

namespace Census.Api.Tests.Security;

/// <summary>
/// API keys are compared in constant time (README "Security"). A timing test cannot prove that on a
/// shared machine; what can be proved is which comparison the code uses: every place that compares a
/// presented secret (or its digest) with a stored one calls
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, directly or through <see cref="ApiKeys.HashesEqual"/>,
/// and calls none of the comparisons that stop at the first differing character.
/// </summary>
public sealed class ConstantTimeComparisonTests
{
    /// <summary>Comparisons whose time depends on where two values first differ.</summary>
    private static readonly string[] EarlyExitComparisons =
    [
        "System.String.Equals", "System.String.op_Equality", "System.String.op_Inequality", "System.String.Compare",
        "System.String.CompareOrdinal", "System.String.CompareTo", "System.String.StartsWith", "System.String.EndsWith",
        "System.MemoryExtensions.SequenceEqual", "System.MemoryExtensions.SequenceCompareTo", "System.MemoryExtensions.StartsWith",
        "System.Linq.Enumerable.SequenceEqual", "System.Object.Equals", "System.Collections.Generic.EqualityComparer`1.Equals",
        "System.Collections.Generic.IEqualityComparer`1.Equals",
    ];

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
        ?? throw new MissingMethodException(type.FullName, name);

    /// <summary>The grain's implementation of an interface method (they are explicit implementations).</summary>
    private static MethodInfo Implementation<TGrain, TInterface>(string name)
    {
        var map = typeof(TGrain).GetInterfaceMap(typeof(TInterface));
        return map.TargetMethods[Array.FindIndex(map.InterfaceMethods, m => m.Name == name)];
    }

    private static void AssertCalls(MethodInfo method, string expected)
    {
        var calls = MethodCalls.Of(method).Select(MethodCalls.Name).ToList();
        Assert.True(calls.Contains(expected), $"{method.DeclaringType!.Name}.{method.Name} does not call {expected}; it calls {string.Join(", ", calls)}.");
        var early = calls.Where(c => EarlyExitComparisons.Contains(c)).ToList();
        Assert.True(early.Count == 0, $"{method.DeclaringType!.Name}.{method.Name} calls {string.Join(", ", early)}, which stop at the first difference.");
    }

    [Fact]
    public void The_key_hash_comparison_is_FixedTimeEquals()
    {
        AssertCalls(Method(typeof(ApiKeys), nameof(ApiKeys.HashesEqual)), "System.Security.Cryptography.CryptographicOperations.FixedTimeEquals");
    }

    [Fact]
    public void The_key_book_verifies_a_key_with_the_constant_time_hash_comparison()
    {
        var book = typeof(InstitutionGrain).Assembly.GetType("Census.Grains.Institutions.ApiKeyBook", throwOnError: true)!;
        AssertCalls(Method(book, "Verify"), "Census.Domain.Security.ApiKeys.HashesEqual");
    }

    [Fact]
    public void An_institution_grain_verifies_a_key_through_the_key_book()
    {
        AssertCalls(Implementation<InstitutionGrain, IInstitutionGrain>(nameof(IInstitutionGrain.VerifyApiKey)), "Census.Grains.Institutions.ApiKeyBook.Verify");
    }

    [Fact]
    public void A_principal_grain_verifies_a_key_through_the_key_book()
    {
        AssertCalls(
            Implementation<Census.Grains.Principals.PrincipalGrain, Census.Contracts.Principals.IPrincipalGrain>(nameof(Census.Contracts.Principals.IPrincipalGrain.VerifyApiKey)),
            "Census.Grains.Institutions.ApiKeyBook.Verify");
    }

    [Fact]
    public void Admin_keys_are_matched_with_FixedTimeEquals()
    {
        AssertCalls(Method(typeof(AdminKeyRing), nameof(AdminKeyRing.Match)), "System.Security.Cryptography.CryptographicOperations.FixedTimeEquals");
    }

    [Fact]
    public void The_authentication_handler_compares_no_key_itself()
    {
        var calls = MethodCalls.Of(Method(typeof(ApiKeyAuthenticationHandler), "HandleAuthenticateAsync")).Select(MethodCalls.Name).ToList();

        Assert.Contains("Census.ApiGateway.Auth.AdminKeyRing.Match", calls);
        Assert.Contains("Census.Domain.Security.ApiKeys.TryParse", calls);
        // Its one StartsWith reads the scheme name ("Bearer "), which is no secret; nothing else compares.
        Assert.DoesNotContain(calls, c => EarlyExitComparisons.Contains(c) && c != "System.String.StartsWith");
    }

    /// <summary>What the scanner would see if a key were compared the ordinary way; proves the checks above can fail.</summary>
    private static bool OrdinaryComparison(string stored, string presented) => stored == presented;

    [Fact]
    public void The_scan_sees_an_ordinary_comparison()
    {
        var calls = MethodCalls.Of(Method(typeof(ConstantTimeComparisonTests), nameof(OrdinaryComparison))).Select(MethodCalls.Name);

        Assert.Contains("System.String.op_Equality", calls);
    }

    [Fact]
    public void HashesEqual_is_true_only_for_the_same_digest()
    {
        var digest = ApiKeys.Hash("a-secret");

        Assert.True(ApiKeys.HashesEqual(digest, ApiKeys.Hash("a-secret")));
        Assert.False(ApiKeys.HashesEqual(digest, ApiKeys.Hash("a-secreT")));
        Assert.False(ApiKeys.HashesEqual(digest, digest[..^1]));
        Assert.False(ApiKeys.HashesEqual(digest, ""));
    }

    [Fact]
    public void The_admin_key_ring_matches_each_configured_key_and_nothing_near_it()
    {
        var first = CensusGatewayFactory.NewAdminKey();
        var second = CensusGatewayFactory.NewAdminKey();
        var ring = new AdminKeyRing([first, " " + second + " "]);

        Assert.NotNull(ring.Match(first));
        Assert.NotNull(ring.Match(second));
        Assert.NotEqual(ring.Match(first), ring.Match(second));
        Assert.Equal(new AdminKeyMatch(0), ring.Match(first));
        Assert.Null(ring.Match(first + "x"));
        Assert.Null(ring.Match(first[..^1]));
        Assert.Null(ring.Match(first.ToUpperInvariant()));
        Assert.Null(ring.Match(""));
    }
}
