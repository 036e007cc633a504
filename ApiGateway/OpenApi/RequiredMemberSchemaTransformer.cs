using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// Request bodies are nullable member by member so that a missing field is reported by validation, with
/// its path, instead of failing to parse; the schema generator then offers null for every member and
/// requires none. The contract's required members carry <see cref="RequiredAttribute"/>: they are listed
/// as required and lose the null, which is left only on members a client may leave out.
/// Registered last, so it sees the members as the other transformers left them. A member whose type is a
/// component gets its <c>oneOf [null, $ref]</c> only when the document is assembled, after every schema
/// transformer: the schema remembers those members (<see cref="NonNullMembers"/>) for the document pass
/// (<see cref="RequiredMemberDocumentTransformer"/>).
/// </summary>
public sealed class RequiredMemberSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The key, in a schema's unserialized metadata, of the members that are never null.</summary>
    public const string NonNullMembers = "census:non-null-members";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { } properties)
        {
            return Task.CompletedTask;
        }

        foreach (var member in context.JsonTypeInfo.Properties)
        {
            if (member.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) != true ||
                !properties.TryGetValue(member.Name, out var property))
            {
                continue;
            }

            schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            schema.Required.Add(member.Name);
            properties[member.Name] = WithoutNull(property);
            schema.Metadata ??= new Dictionary<string, object>(StringComparer.Ordinal);
            if (!schema.Metadata.TryGetValue(NonNullMembers, out var marked) || marked is not HashSet<string> names)
            {
                schema.Metadata[NonNullMembers] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.Add(member.Name);
        }

        return Task.CompletedTask;
    }

    /// <summary>The member's schema without its null alternative.</summary>
    public static IOpenApiSchema WithoutNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema inline)
        {
            return property;
        }

        if (inline.OneOf is { } alternatives && alternatives.Any(IsNull))
        {
            var rest = alternatives.Where(a => !IsNull(a)).ToList();
            if (rest.Count == 1 && inline.Properties is null or { Count: 0 } && inline.Type is null)
            {
                return rest[0];
            }

            inline.OneOf = rest;
        }

        if (inline.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            inline.Type = type & ~JsonSchemaType.Null;
            inline.Enum = inline.Enum?.Where(value => value is not null).ToList();
        }

        return inline;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
