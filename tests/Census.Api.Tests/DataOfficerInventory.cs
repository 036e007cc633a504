using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// A ministry's inventory as its data officer would type it into the template: twenty datasets with Korean
/// titles, some with every optional field, some with only the required ones (empty cells), differing in
/// modality, sector, volume, error rate and update frequency so no two rows are the same record.
/// </summary>
public static class DataOfficerInventory
{
    public const int Count = 20;

    private static readonly string[] Titles =
    [
        "전국 대기질 측정망 시간별 관측자료", "도로 교통량 조사", "시내버스 운행 기록", "하천 수위 관측자료", "교통사고 통계, \"연간\" 집계",
        "공공도서관 대출 현황", "어린이집 현황", "건축물대장 표제부", "산불 발생 이력", "전기차 충전소 위치",
        "해양 수온 관측", "국립공원 탐방객 수", "지하철 역별 승하차 인원", "농산물 도매가격", "응급실 이용 현황",
        "기상 관측 일자료", "문화재 목록", "수돗물 수질 검사 결과", "주차장 정보", "폐기물 처리 실적",
    ];

    private static readonly string[] Modalities = ["time-series", "tabular", "geospatial", "text"];

    private static readonly string[] Frequencies = ["daily", "monthly", "yearly", "realtime"];

    /// <summary>The dataset id of the row at <paramref name="index"/> (0-based; the spreadsheet row is index + 2).</summary>
    public static string DatasetId(int index) => $"ds-{index:D2}";

    /// <summary>Every row: its dataset id and the record a PUT of it would send.</summary>
    public static IReadOnlyList<(string DatasetId, JsonObject Record)> Rows() =>
        [.. Enumerable.Range(0, Count).Select(i => (DatasetId(i), Record(i)))];

    private static JsonObject Record(int i)
    {
        var onlyRequired = i % 5 == 4;
        var record = (onlyRequired ? SurveyRecords.Minimal() : SurveyRecords.Valid())
            .With("title", Titles[i])
            .With("modality", Modalities[i % Modalities.Length])
            .With("maintenance.updateFrequency", Frequencies[i % Frequencies.Length]);
        if (!onlyRequired)
        {
            record = record
                .With("volume.records", 1_000L * (i + 1))
                .With("quality.errorRate", i % 2 == 0 ? 0.02 : 0.125)
                .With("keywords", new JsonArray(Titles[i].Split(' ')[0], "공공데이터"));
        }

        return i % 3 == 0 ? record.With("sector", "transport-logistics") : record;
    }
}
