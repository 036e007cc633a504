namespace Census.Grains.Tests.Infrastructure;

/// <summary>Ids no other test uses, valid under the census id pattern.</summary>
internal static class UniqueIds
{
    public static string Next(string prefix = "inst") => $"{prefix}-{Guid.NewGuid():N}";

    public static string KeyId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..6]);
}
