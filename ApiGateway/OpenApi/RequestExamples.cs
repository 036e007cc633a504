using System.Text.Json;
using System.Text.Json.Nodes;
using Census.ApiGateway.Apis;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// An example body for each request type: the README's first session. They are typed values written with
/// the API's own serializer options, so an example cannot name a field or an enumeration value the API
/// would refuse — a renamed member breaks the build, not the documentation.
/// </summary>
public sealed class RequestExamples(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private static readonly Dictionary<Type, object> ByBodyType = new()
    {
        [typeof(InstitutionRegistration)] = new InstitutionRegistration
        {
            Id = "nia",
            Name = "한국지능정보사회진흥원",
            NameEn = "National Information Society Agency",
            Kind = InstitutionKind.PublicInstitution,
            Sector = Sector.ScienceTechnology,
        },
        [typeof(RoundDefinition)] = new RoundDefinition
        {
            Id = "census-2027",
            Title = "2027 AI training data census",
            Deadline = new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero),
            Selection = new SelectionPolicy { Quota = 100, MaxPerInstitution = 5 },
        },
        [typeof(SurveyRecord)] = new SurveyRecord
        {
            Title = "도로 CCTV 영상",
            Modality = Modality.Video,
            Structure = DataStructure.Unstructured,
            Digitization = Digitization.Digital,
            Formats = ["mp4"],
            Volume = new SurveyVolume { Records = 250_000 },
            Collection = new SurveyCollection { Purpose = CollectionPurpose.ServiceOperation, ProvenanceDocumented = true },
            Availability = new SurveyAvailability { Now = AvailabilityScope.Restricted, AfterProcessing = AvailabilityScope.Open },
            LawfulToProvide = true,
            License = License.KoglType1,
            ThirdPartyRights = ThirdPartyRights.None,
            PersonalData = new SurveyPersonalData
            {
                Status = PersonalDataStatus.Identifiable, Sensitive = false, DeidentificationPlanned = true, RiskAssessed = false, ScanVerified = false,
            },
            Labeling = new SurveyLabeling { Status = LabelingStatus.Partial, SpecDocumented = true, QaReported = false },
            Quality = new SurveyQuality { Assessed = true, ErrorRate = 0.03m, Verified = false },
            Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = false },
            Maintenance = new SurveyMaintenance { UpdateFrequency = UpdateFrequency.Monthly, Versioned = true },
            ProcessingPlan = [ProcessingStep.DeIdentification, ProcessingStep.Labeling],
        },
        [typeof(RubricWeights)] = RubricWeights.Default,
        [typeof(RankingsApi.RankingRequest)] = new RankingsApi.RankingRequest { RubricVersion = 1 },
        [typeof(RankingsApi.FinalizeRequest)] = new RankingsApi.FinalizeRequest { RunId = "run-1" },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var bodyType = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type ??
                       context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
        if (bodyType is null || !ByBodyType.TryGetValue(bodyType, out var example) || operation.RequestBody?.Content is not { } content)
        {
            return Task.CompletedTask;
        }

        foreach (var media in content.Values)
        {
            media.Example = Write(example);
        }

        return Task.CompletedTask;
    }

    /// <summary>The API's options, leaving out the members an example does not set.</summary>
    private readonly JsonSerializerOptions exampleOptions = new(json.Value.SerializerOptions)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private JsonNode Write(object example) => JsonSerializer.SerializeToNode(example, example.GetType(), exampleOptions)!;

    /// <summary>The request types that have an example (for the tests).</summary>
    public static IReadOnlyCollection<Type> Types => ByBodyType.Keys;
}
