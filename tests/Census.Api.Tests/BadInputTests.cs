using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// api.md "Conventions": bad input is a 4xx <c>application/problem+json</c> naming the field, and a
/// request that fails never changes state. Each test checks afterwards that nothing was created.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class BadInputTests(GatewayFixture gateway)
{
    private Task<HttpResponseMessage> Post(HttpContent content) =>
        gateway.Admin.Client.PostAsync(CensusApi.Institutions, content);

    [Fact]
    public async Task Malformed_id_in_the_path_is_400_naming_id()
    {
        using var response = await gateway.Admin.Get("Bad_ID");

        await response.AssertFieldErrors("id");
    }

    [Fact]
    public async Task Malformed_id_in_the_path_of_key_issuing_is_400_naming_id()
    {
        var total = await gateway.Admin.Total();

        using var response = await gateway.Admin.IssueKey("Bad_ID");

        await response.AssertFieldErrors("id");
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Fact]
    public async Task Malformed_id_in_the_path_of_key_revoking_is_400_naming_id()
    {
        using var response = await gateway.Admin.RevokeKey("Bad_ID", Ids.UnknownKeyId());

        await response.AssertFieldErrors("id");
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("a")]
    [InlineData("-lead")]
    [InlineData("%EA%B8%B0%EA%B4%80")]
    [InlineData("x%20y")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Any_malformed_id_in_the_path_is_400_naming_id(string id)
    {
        using var response = await gateway.Admin.Get(id);

        await response.AssertFieldErrors("id");
    }

    [Theory]
    [InlineData("Bad_ID")]
    [InlineData("a")]
    [InlineData("-leading-hyphen")]
    [InlineData("has space")]
    [InlineData("")]
    public async Task Malformed_id_in_the_body_is_400_naming_id_and_creates_nothing(string id)
    {
        var total = await gateway.Admin.Total();

        using var response = await gateway.Admin.Register(Registrations.Valid(id));

        await response.AssertFieldErrors("id");
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Fact]
    public async Task Id_longer_than_63_characters_is_400_naming_id()
    {
        var id = "a" + new string('b', 63);
        var total = await gateway.Admin.Total();

        using var response = await gateway.Admin.Register(Registrations.Valid(id));

        await response.AssertFieldErrors("id");
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Theory]
    [InlineData("kind", "ministry")]
    [InlineData("kind", "Central-Government")]
    [InlineData("kind", "CentralGovernment")]
    [InlineData("kind", "centralgovernment")]
    [InlineData("kind", " other")]
    [InlineData("kind", "1")]
    [InlineData("sector", "space")]
    [InlineData("sector", "ScienceTechnology")]
    [InlineData("sector", "science_technology")]
    public async Task Unknown_enum_value_is_400_naming_the_field_and_creates_nothing(string field, string value)
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With(field, value));

        await response.AssertFieldErrors(field);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task A_comma_separated_list_of_sectors_is_400_not_some_other_sector()
    {
        var id = Ids.New();

        // Law | Finance would be EnvironmentWeather if the names were read as flags.
        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("sector", "Law, Finance"));

        await response.AssertFieldErrors("sector");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Enum_given_as_a_number_is_400_naming_the_field()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("kind", 0));

        await response.AssertFieldErrors("kind");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Unknown_json_property_is_400_naming_it_and_creates_nothing()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("contactEmial", "typo@example.org"));

        await response.AssertFieldErrors("contactEmial");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Duplicate_json_property_is_400_naming_it_and_creates_nothing()
    {
        var first = Ids.New();
        var second = Ids.New();
        var json = $$"""{"id":"{{first}}","id":"{{second}}","name":"기관","kind":"other","sector":"law"}""";

        using var response = await Post(Registrations.Json(json));

        await response.AssertFieldErrors("id");
        await gateway.Admin.AssertNotRegistered(first);
        await gateway.Admin.AssertNotRegistered(second);
    }

    [Fact]
    public async Task Duplicate_json_property_differing_only_in_case_is_400_and_creates_nothing()
    {
        var first = Ids.New();
        var second = Ids.New();
        var json = $$"""{"id":"{{first}}","ID":"{{second}}","name":"기관","kind":"other","sector":"law"}""";

        using var response = await Post(Registrations.Json(json));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        await gateway.Admin.AssertNotRegistered(first);
        await gateway.Admin.AssertNotRegistered(second);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"id\": \"x\",}")]
    [InlineData("not json")]
    [InlineData("{\"id\":\"abc\"} trailing")]
    public async Task Malformed_json_is_400_and_creates_nothing(string json)
    {
        var total = await gateway.Admin.Total();

        using var response = await Post(Registrations.Json(json));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Fact]
    public async Task Malformed_json_with_an_otherwise_valid_registration_creates_nothing()
    {
        var id = Ids.New();
        var json = Registrations.Valid(id).ToJsonString();

        using var response = await Post(Registrations.Json(json[..^1]));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        var total = await gateway.Admin.Total();

        using var response = await Post(Registrations.Json(""));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task Body_that_is_not_a_json_object_is_400(string json)
    {
        var total = await gateway.Admin.Total();

        using var response = await Post(Registrations.Json(json));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Fact]
    public async Task Missing_required_fields_are_400_naming_each()
    {
        var total = await gateway.Admin.Total();

        using var response = await Post(Registrations.Json("{}"));

        await response.AssertFieldErrors("id", "name", "kind", "sector");
        Assert.Equal(total, await gateway.Admin.Total());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("sector")]
    public async Task A_missing_required_field_is_400_naming_it_and_creates_nothing(string field)
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).Without(field));

        await response.AssertFieldErrors(field);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("sector")]
    public async Task A_required_field_given_as_null_is_400_naming_it(string field)
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With(field, null));

        await response.AssertFieldErrors(field);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Blank_name_is_400_naming_name()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("name", "   "));

        await response.AssertFieldErrors("name");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Name_over_200_characters_is_400_naming_name()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("name", new string('가', 201)));

        await response.AssertFieldErrors("name");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Malformed_contact_email_is_400_naming_contactEmail()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("contactEmail", "not-an-email"));

        await response.AssertFieldErrors("contactEmail");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Theory]
    [InlineData("name", 5)]
    [InlineData("id", 5)]
    [InlineData("nameEn", true)]
    public async Task Wrong_json_type_is_400_naming_the_field(string field, object value)
    {
        var id = Ids.New();
        var body = Registrations.Valid(id).With(field, JsonValue.Create(value));

        using var response = await gateway.Admin.Register(body);

        await response.AssertFieldErrors(field);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Name_given_as_an_object_is_400_naming_name()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("name", new JsonObject { ["ko"] = "기관" }));

        await response.AssertFieldErrors("name");
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Body_over_1_MiB_is_413_and_creates_nothing()
    {
        var id = Ids.New();
        var body = Registrations.Valid(id).With("nameEn", new string('x', 1024 * 1024)).ToJsonString();

        using var response = await Post(Registrations.Json(body));

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Body_over_1_MiB_sent_without_a_length_is_413_and_creates_nothing()
    {
        var id = Ids.New();
        var bytes = Encoding.UTF8.GetBytes(Registrations.Valid(id).With("nameEn", new string('x', 1024 * 1024)).ToJsonString());
        using var content = new UnknownLengthContent(bytes);
        Assert.Null(content.Headers.ContentLength);

        using var response = await Post(content);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Body_of_exactly_1_MiB_is_not_refused_for_its_size()
    {
        var id = Ids.New();
        var shell = Registrations.Valid(id).With("nameEn", "").ToJsonString();
        var padding = (1024 * 1024) - Encoding.UTF8.GetByteCount(shell);
        var body = Registrations.Valid(id).With("nameEn", new string('x', padding)).ToJsonString();
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(body));

        using var response = await Post(Registrations.Json(body));

        // The name is far over 200 characters, so validation (not the size limit) refuses it.
        await response.AssertFieldErrors("nameEn");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Wrong_content_type_is_415_and_creates_nothing(string contentType)
    {
        var id = Ids.New();
        using var content = new StringContent(Registrations.Valid(id).ToJsonString(), Encoding.UTF8, contentType);

        using var response = await Post(content);

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Missing_content_type_is_415_and_creates_nothing()
    {
        var id = Ids.New();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Registrations.Valid(id).ToJsonString()));

        using var response = await Post(content);

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task A_json_content_type_with_a_charset_is_accepted()
    {
        var id = Ids.New();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Registrations.Valid(id).ToJsonString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var response = await Post(content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("?sector=nope", "sector")]
    [InlineData("?sector=Law", "sector")]
    [InlineData("?kind=nope", "kind")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=1.5", "page")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=501", "pageSize")]
    [InlineData("?pageSize=abc", "pageSize")]
    public async Task Bad_query_value_is_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await gateway.Admin.List(query);

        await response.AssertFieldErrors(parameter);
    }

    [Fact]
    public async Task Several_bad_query_values_are_all_named()
    {
        using var response = await gateway.Admin.List("?sector=nope&kind=nope&page=0&pageSize=501");

        await response.AssertFieldErrors("sector", "kind", "page", "pageSize");
    }

    [Fact]
    public async Task Largest_page_size_is_accepted()
    {
        using var response = await gateway.Admin.List("?pageSize=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-key-id")]
    [InlineData("ABCDEF012345")]
    [InlineData("0123456789a")]
    [InlineData("0123456789abc")]
    public async Task Malformed_key_id_on_revoke_is_400_naming_keyId_and_revokes_nothing(string keyId)
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);

        using var response = await gateway.Admin.RevokeKey(id, keyId);

        await response.AssertFieldErrors("keyId");
        using var stillWorks = await gateway.As(key.ApiKey).Get(id);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v2/institutions")]
    [InlineData("POST", "/api/v1/institutions/some-id/api-keys/extra/segments")]
    public async Task Unknown_route_is_404_problem_json(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await gateway.Admin.Client.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unsupported_method_on_a_known_route_is_405_problem_json()
    {
        using var response = await gateway.Admin.Client.PutAsync(CensusApi.Institutions, Registrations.Json("{}"));

        await response.AssertProblem(HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>JSON content that does not announce its length, as a chunked upload would.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
