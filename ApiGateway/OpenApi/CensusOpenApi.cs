using Census.ApiGateway.Hosting;

namespace Census.ApiGateway.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json, described from endpoint metadata and the contract types.</summary>
public static class CensusOpenApi
{
    public static IServiceCollection AddCensusOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<EnumSchemaTransformer>();
            o.AddSchemaTransformer<TimestampSchemaTransformer>();
            // Last: it strips the null from required members after the others have shaped them.
            o.AddSchemaTransformer<RequiredMemberSchemaTransformer>();
            o.AddOperationTransformer<WriteHeaderTransformer>();
            o.AddOperationTransformer<ProblemResponseTransformer>();
            o.AddOperationTransformer<RequestExamples>();
            o.AddOperationTransformer<PublicOperationTransformer>();
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddDocumentTransformer<ProblemSchemas>();
            o.AddDocumentTransformer<ServerUrlTransformer>();
            o.AddDocumentTransformer<RequiredMemberDocumentTransformer>();
            o.AddDocumentTransformer<EnumReferenceDocumentTransformer>();
        });
}
