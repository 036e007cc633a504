using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// Copy-and-change edits of JSON bodies, so a test states only what it is about. A path is a member
/// name or a dotted path into nested objects (<c>quality.errorRate</c>); the body itself is never changed.
/// </summary>
public static class JsonEdits
{
    /// <summary>A copy with <paramref name="path"/> set to <paramref name="value"/> (null: JSON null); missing parent objects are created.</summary>
    public static JsonObject With(this JsonObject body, string path, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        var (parent, name) = Parent(copy, path, create: true);
        parent![name] = value;
        return copy;
    }

    /// <summary>A copy without the member at <paramref name="path"/>.</summary>
    public static JsonObject Without(this JsonObject body, string path)
    {
        var copy = (JsonObject)body.DeepClone();
        var (parent, name) = Parent(copy, path, create: false);
        Assert.True(parent is not null && parent.Remove(name), $"The body has no '{path}' to remove.");
        return copy;
    }

    private static (JsonObject? Parent, string Name) Parent(JsonObject root, string path, bool create)
    {
        var segments = path.Split('.');
        var current = root;
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is JsonObject next)
            {
                current = next;
            }
            else if (create)
            {
                next = [];
                current[segment] = next;
                current = next;
            }
            else
            {
                return (null, segments[^1]);
            }
        }

        return (current, segments[^1]);
    }
}
