using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// Text in survey records — Korean, emoji, strings that look like SQL — is stored and returned
/// verbatim, whether the client escapes it in JSON or sends it as raw UTF-8, and never harms the store.
/// </summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordTextTests(GatewayFixture gateway)
{
    private const string Sql = "'; DROP TABLE census_survey_index; --";
    private const string KoreanTitle = "국가 대기오염 측정망 — 시간별 관측자료 (2015~2026)";
    private const string EmojiTitle = "🌏 기후 데이터 👩‍🔬🇰🇷 🏳️‍🌈 test";
    private const string MixedDescription = "설명: 미세먼지 PM2.5 \"인용\" \\ 백슬래시\n두 번째 줄\t탭 🍜 " + Sql + " <script>alert(1)</script> ' OR '1'='1";

    private static readonly JsonSerializerOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, bool> Texts() => new()
    {
        { KoreanTitle, false },
        { KoreanTitle, true },
        { EmojiTitle, false },
        { EmojiTitle, true },
        { Sql, false },
        { Sql, true },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task A_title_is_stored_and_returned_verbatim(string title, bool rawUtf8)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await Put(p, dataset, SurveyRecords.Valid(title), rawUtf8);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(title, body.GetProperty("record").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_description_mixing_Korean_emoji_quotes_and_SQL_is_stored_and_returned_verbatim(bool rawUtf8)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await Put(p, dataset, SurveyRecords.Valid().With("description", MixedDescription), rawUtf8);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(MixedDescription, body.GetProperty("record").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Keywords_in_Korean_emoji_and_SQL_are_stored_and_returned_verbatim_and_in_order()
    {
        string[] keywords = ["대기질", "🌫️ 미세먼지", Sql, "Robert'); DROP TABLE students;--", "공공데이터"];
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await Put(p, dataset, SurveyRecords.Valid().With("keywords", new JsonArray([.. keywords.Select(k => (JsonNode)k)])), rawUtf8: true);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(keywords, body.GetProperty("record").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).ToArray());
    }

    [Fact]
    public async Task Text_is_returned_verbatim_in_the_record_list_too()
    {
        var p = await gateway.NewParticipant();
        await Put(p, Ids.New("ds"), SurveyRecords.Valid(EmojiTitle).With("description", MixedDescription), rawUtf8: true);

        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");

        var record = list.GetProperty("items")[0].GetProperty("record");
        Assert.Equal(EmojiTitle, record.GetProperty("title").GetString());
        Assert.Equal(MixedDescription, record.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SQL_looking_text_leaves_the_survey_index_working()
    {
        var p = await gateway.NewParticipant();
        await Put(p, Ids.New("ds"), SurveyRecords.Valid(Sql).With("description", Sql).With("keywords", new JsonArray(Sql)), rawUtf8: false);

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        Assert.Equal(2, (await gateway.Rounds.Read(p.RoundId)).GetProperty("progress").GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task A_response_is_served_as_UTF_8_JSON()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await Put(p, dataset, SurveyRecords.Valid(KoreanTitle), rawUtf8: true);

        using var response = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(KoreanTitle, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    private static async Task Put(Participant p, string dataset, JsonObject record, bool rawUtf8)
    {
        var json = rawUtf8 ? record.ToJsonString(RawUtf8) : record.ToJsonString();
        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json(json));
        Assert.True(HttpStatusCode.Created == response.StatusCode, $"Expected 201, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
