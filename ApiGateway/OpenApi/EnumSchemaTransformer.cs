using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// Enumerations go over the wire through the census's own converter, which the schema generator cannot
/// look into, so it leaves them empty (<c>{}</c>): a generated client then has no values to send. Each
/// value is written here through the very serializer options the API reads bodies with, so the listed
/// names are the accepted ones by construction. Dictionaries keyed by an enumeration
/// (<c>sectorMin: { "law": 2 }</c>) list the allowed keys the same way.
/// </summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var typeInfo = context.JsonTypeInfo;
        if (typeInfo.Type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = WireNames(typeInfo.Type, typeInfo.Options);
        }
        else if (Nullable.GetUnderlyingType(typeInfo.Type) is { IsEnum: true } underlying && schema.OneOf is null && schema.AnyOf is null)
        {
            // An inline nullable enumeration (a query value, say): the names, or null.
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = [.. WireNames(underlying, typeInfo.Options), null!];
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable &&
                 typeInfo.ElementType is { IsEnum: true } elementType && schema.Items is null or OpenApiSchema { Type: null, Enum: null })
        {
            // A list of an enumeration loses its items entirely (processingPlan): they are the enumeration's component.
            schema.Items = Component(elementType, typeInfo.Options, context.Document);
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Dictionary &&
                 typeInfo.KeyType is { IsEnum: true } keyType)
        {
            schema.PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Enum = WireNames(keyType, typeInfo.Options) };
        }

        return Task.CompletedTask;
    }

    /// <summary>The key, in a schema's unserialized metadata, of the enumeration component it stands for.</summary>
    public const string ComponentName = "census:enum-component";

    /// <summary>
    /// The enumeration registered as a component, and an inline copy marked with its name: the generator
    /// inlines a reference made here, so <see cref="EnumReferenceDocumentTransformer"/> swaps the copy for
    /// the reference once the document is assembled.
    /// </summary>
    private static OpenApiSchema Component(Type enumType, JsonSerializerOptions options, OpenApiDocument? document)
    {
        if (document is not null && document.Components?.Schemas?.ContainsKey(enumType.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(enumType.Name, new OpenApiSchema { Type = JsonSchemaType.String, Enum = WireNames(enumType, options) });
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = WireNames(enumType, options),
            Metadata = new Dictionary<string, object>(StringComparer.Ordinal) { [ComponentName] = enumType.Name },
        };
    }

    /// <summary>Each defined value of <paramref name="enumType"/> as the API writes it.</summary>
    public static List<JsonNode> WireNames(Type enumType, JsonSerializerOptions options) =>
        [.. Enum.GetValues(enumType).Cast<object>().Select(value => JsonSerializer.SerializeToNode(value, enumType, options)!)];
}
