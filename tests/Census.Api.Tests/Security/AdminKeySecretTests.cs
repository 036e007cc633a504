using System.Security.Cryptography;
using Census.ApiGateway.Auth;

namespace Census.Api.Tests.Security;

/// <summary>
/// Issue 9, defect 12: the placeholders shipped in deploy/ are not admin keys; anything obviously not random is
/// refused at start with a message naming the setting (never the key); and what agencies see of an admin
/// (<c>updatedBy</c>) is not derived from the admin's key.
/// </summary>
public sealed class AdminKeySecretTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// Where a placeholder is shipped (file and the prefix of its line), or, with no prefix, a placeholder
    /// itself: what the two files shipped before issue 9, both accepted then as admin keys. The file is
    /// named rather than its value read here, so two files shipping the same text stay two cases.
    /// </summary>
    public static TheoryData<string, string?> ShippedPlaceholders() => new()
    {
        { "deploy/k8s/secret.yaml", "admin-key:" },
        { "deploy/.env.example", "CENSUS_ADMIN_KEY=" },
        { "CHANGE-ME-to-an-admin-key-of-32-characters-or-more", null },
        { "CHANGE-me-an-admin-key-of-32-characters-or-more", null },
    };

    public static TheoryData<string> HandMadeKeys() =>
    [
        new string('a', 40),
        string.Concat(Enumerable.Repeat("ab12", 10)),
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "a-long-random-admin-key-of-32-chars-or-more",
        "password-password-password-password-1",
        "aaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbcccccccc",
        "short-but-random-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
    ];

    [Theory]
    [MemberData(nameof(ShippedPlaceholders))]
    public void A_shipped_placeholder_admin_key_stops_the_gateway_at_start_naming_the_setting(string source, string? linePrefix)
    {
        var placeholder = linePrefix is null ? source : Shipped(source, linePrefix);
        using var gateway = new CensusGatewayFactory(_data.Path, placeholder);

        var refused = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var message = Messages(refused);
        Assert.Contains("Census:Auth:AdminKeys:0", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
        Assert.DoesNotContain(placeholder, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HandMadeKeys))]
    public void A_hand_made_admin_key_stops_the_gateway_at_start(string key)
    {
        using var gateway = new CensusGatewayFactory(_data.Path, key);

        var refused = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Census:Auth:AdminKeys:0", Messages(refused), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Qm3xZ8dummYPL60k7WfRb2Tn9VhJ4sCeGa1uNyXo5Lq=")]
    [InlineData("Qm3xZ8SeCrEtPL60k7WfRb2Tn9VhJ4sCuGa1NyXo5Lq=")]
    public void A_random_key_that_spells_a_placeholder_in_mixed_case_is_accepted(string key) =>
        Assert.Null(AdminKeyPolicy.Weakness(key));

    [Theory]
    [InlineData("thisisadummyadminkeyQm3xZ8PL60k7WfRb2Tn9Vh")]
    [InlineData("Qm3xZ8PL60k7WfRb2Tn9VhJ4sC-Dummy-Ga1NyXo5Lq")]
    public void A_placeholder_word_in_one_case_or_between_separators_is_refused(string key) =>
        Assert.Equal("looks like a placeholder, not a generated key", AdminKeyPolicy.Weakness(key));

    [Fact]
    public void Generated_keys_are_accepted()
    {
        // Seeded, so the test says the same thing on every run: a random key may still spell a placeholder in
        // one case (about one in several million), and a test drawing fresh keys would then fail at random.
        var random = new Random(20261203);
        byte[] Bytes(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        for (var i = 0; i < 20_000; i++)
        {
            string[] generated =
            [
                Convert.ToBase64String(Bytes(32)),      // openssl rand -base64 32
                Convert.ToHexStringLower(Bytes(16)),    // the shortest: 32 hex digits
                Convert.ToHexStringLower(Bytes(32)),    // local-cluster.sh
                "adm_" + Convert.ToHexStringLower(Bytes(24)), // the local-mode key
            ];
            Assert.All(generated, key => Assert.Null(AdminKeyPolicy.Weakness(key)));
        }
    }

    [Fact]
    public async Task Agencies_see_the_same_admin_actor_whatever_admin_key_wrote()
    {
        var updatedBy = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var gateway = new GatewayFixture();
            await gateway.InitializeAsync();
            try
            {
                var p = await gateway.NewParticipant();
                var datasetId = Ids.New("ds");
                await gateway.Surveys.PutValid(p.RoundId, p.InstitutionId, datasetId);
                var (read, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, datasetId);
                updatedBy.Add(read.GetProperty("updatedBy").GetString());
                Assert.DoesNotContain(gateway.AdminKey, read.GetRawText(), StringComparison.Ordinal);
            }
            finally
            {
                await gateway.DisposeAsync();
            }
        }

        Assert.Equal([AdminKeyRing.Actor, AdminKeyRing.Actor], updatedBy);
    }

    private static string Messages(Exception e)
    {
        var text = new StringBuilder();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            text.AppendLine(current.Message);
        }

        return text.ToString();
    }

    private static string Shipped(string file, string prefix)
    {
        var line = File.ReadLines(Path.Combine(RepositoryRoot(), file)).Single(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
        return line.Trim()[prefix.Length..].Trim().Trim('"');
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
