// The README's first session, written against the client Kiota generates from /openapi/v1.json: it only
// compiles if the document gives the client typed enumerations, bodies and answers, and it only succeeds
// if the gateway accepts what the client sends. Usage: ClientSession <base url> <admin key>.
using Census.Client;
using Census.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var baseUrl = args[0];
var adminKey = args[1];
var suffix = Guid.NewGuid().ToString("N")[..8];
var institutionId = "nia-" + suffix;
var roundId = "census-" + suffix;

try
{
    var admin = Client(adminKey);

    var institution = await admin.Api.V1.Institutions.PostAsync(
        new InstitutionRegistration
        {
            Id = institutionId,
            Name = "한국지능정보사회진흥원",
            NameEn = "National Information Society Agency",
            Kind = InstitutionKind.PublicInstitution,
            Sector = Sector.ScienceTechnology,
        },
        r => r.Headers.Add("Idempotency-Key", "register-" + suffix));
    Console.WriteLine($"registered {institution!.Id} in {institution.Sector}");

    var issued = await admin.Api.V1.Institutions[institutionId].ApiKeys.PostAsync(
        r => r.Headers.Add("Idempotency-Key", "key-" + suffix));
    Console.WriteLine($"issued key {issued!.KeyId}");

    var round = await admin.Api.V1.Rounds.PostAsync(
        new RoundDefinition
        {
            Id = roundId,
            Title = "2027 AI training data census",
            Deadline = DateTimeOffset.UtcNow.AddDays(30),
            Selection = new SelectionPolicy { Quota = 100, MaxPerInstitution = 5 },
            Institutions = [institutionId],
        },
        r => r.Headers.Add("Idempotency-Key", "round-" + suffix));
    Console.WriteLine($"created {round!.Id} in state {round.State}");

    var opened = await admin.Api.V1.Rounds[roundId].Open.PostAsync(r => r.Headers.Add("Idempotency-Key", "open-" + suffix));
    Console.WriteLine($"opened: {opened!.State}");

    var agency = Client(issued.ApiKey!);
    var written = await agency.Api.V1.Rounds[roundId].Institutions[institutionId].Datasets["road-cctv"].PutAsync(
        new SurveyRecord
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
            Quality = new SurveyQuality { Assessed = true, ErrorRate = 0.03, Verified = false },
            Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = false },
            Maintenance = new SurveyMaintenance { UpdateFrequency = UpdateFrequency.Monthly, Versioned = true },
            ProcessingPlan = [ProcessingStep.DeIdentification, ProcessingStep.Labeling],
        },
        r => r.Headers.Add("Idempotency-Key", "record-" + suffix));
    Console.WriteLine($"wrote revision {written!.Revision}");

    var read = await agency.Api.V1.Rounds[roundId].Institutions[institutionId].Datasets["road-cctv"].GetAsync();
    var score = read!.Score!;
    Console.WriteLine($"score now={score.Now} post={score.Post} eligible={score.Eligible} criteria={score.Breakdown!.Count} license={read.Record!.License}");
    return read.Revision == 1 && score.Breakdown.Count == 10 ? 0 : 1;
}
catch (ApiException problem)
{
    Console.WriteLine($"{problem.GetType().Name} {problem.ResponseStatusCode}: {problem.Message}");
    if (problem is ProblemDetails details)
    {
        Console.WriteLine($"{details.Title}: {details.Detail}");
    }

    if (problem is ValidationProblem validation)
    {
        Console.WriteLine($"{validation.Title}: {validation.Detail} {string.Join("; ", validation.Errors?.AdditionalData.Select(e => e.Key) ?? [])}");
    }

    return 2;
}

CensusClient Client(string key)
{
    var http = new HttpClient();
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    return new CensusClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
}
