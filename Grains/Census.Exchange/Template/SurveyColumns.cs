using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Domain.Surveys;

namespace Census.Exchange.Template;

/// <summary>
/// The template's columns, in the order of intake-exchange.md: the one model the readers, the template
/// and the exports share, so a column added here is read, written and explained everywhere at once.
/// </summary>
public static class SurveyColumns
{
    public const string DatasetIdKey = "datasetId";
    public const string ActionKey = "action";
    public const string TitleKey = "title";

    private static readonly EnumChoice[] NoChoices = [];

    private static readonly EnumChoice[] BoolChoices = [new("true", "예"), new("false", "아니오")];

    public static IReadOnlyList<EnumChoice> Actions { get; } = [new("upsert", "등록·수정"), new("withdraw", "철회")];

    public static IReadOnlyList<SurveyColumn> All { get; } =
    [
        Text(DatasetIdKey, "데이터셋 ID", true, "기관 안에서 데이터셋을 구별하는 ID: 영문 소문자·숫자·하이픈, 2–63자.", "air-quality-hourly"),
        Text(TitleKey, "데이터셋명", true, $"데이터셋의 이름, {SurveyRecordRules.MaxTitleLength}자 이내.", "전국 대기질 측정망 시간별 관측자료"),
        Text("description", "설명", false, $"데이터셋 설명, {SurveyRecordRules.MaxDescriptionLength}자 이내.", "2015년 이후 측정소별 PM10, PM2.5 시간별 측정값"),
        List("keywords", "키워드", false, $"키워드를 ;로 구분, {SurveyRecordRules.MaxKeywords}개 이내, 각 {SurveyRecordRules.MaxKeywordLength}자 이내.", "대기질; 미세먼지"),
        Choice<Sector>("sector", "분야", false, "데이터셋의 분야. 비우면 기관의 분야.", "environment-weather"),
        Choice<Modality>("modality", "데이터 유형", true, "데이터의 형태.", "time-series"),
        Choice<DataStructure>("structure", "구조", true, "정형·반정형·비정형.", "structured"),
        Choice<Digitization>("digitization", "디지털화", true, "원본이 디지털인지, 스캔본인지, 종이인지.", "digital"),
        List("formats", "파일 형식", true, $"파일 형식을 ;로 구분, {SurveyRecordRules.MaxFormats}개 이내.", "csv; json"),
        Column("volume.records", "건수", ColumnType.WholeNumber, false, "행·문서·이미지·클립 등 항목 수 (0 이상의 정수).", "52000000"),
        Column("volume.bytes", "용량(바이트)", ColumnType.WholeNumber, false, "전체 용량, 바이트 (0 이상의 정수).", "4300000000"),
        Choice<CollectionPurpose>("collection.purpose", "수집 목적", true, "데이터를 수집한 목적.", "administrative"),
        Text("collection.method", "수집 방법", false, $"수집 방법 설명, {SurveyRecordRules.MaxMethodLength}자 이내.", "640개 측정소 자동 센서"),
        Flag("collection.provenanceDocumented", "출처 문서화", true, "수집 출처·경위가 문서로 남아 있는지."),
        Choice<AvailabilityScope>("availability.now", "현재 제공 범위", true, "지금 제공할 수 있는 범위.", "restricted"),
        Choice<AvailabilityScope>("availability.afterProcessing", "가공 후 제공 범위", true, "가공 계획을 마친 뒤 제공할 수 있는 범위.", "open"),
        Flag("lawfulToProvide", "법적 제공 가능", true, "법령상 제공이 가능한지."),
        Choice<License>("license", "이용허락", true, "이용허락 조건.", "kogl-type1"),
        Choice<ThirdPartyRights>("thirdPartyRights", "제3자 권리", true, "제3자 권리가 있는지, 처리했는지.", "none"),
        Choice<PersonalDataStatus>("personalData.status", "개인정보 포함", true, "개인정보가 들어 있는지.", "none"),
        Flag("personalData.sensitive", "민감정보 포함", true, "민감정보가 들어 있는지."),
        Flag("personalData.deidentificationPlanned", "비식별 처리 계획", true, "비식별 처리를 계획했는지."),
        Flag("personalData.riskAssessed", "재식별 위험 평가", true, "재식별 위험을 평가했는지."),
        Flag("personalData.scanVerified", "개인정보 검출 점검", true, "개인정보 검출 도구로 점검했는지."),
        Choice<LabelingStatus>("labeling.status", "라벨링 상태", true, "라벨(정답)이 붙어 있는 정도.", "none"),
        Flag("labeling.specDocumented", "라벨링 기준 문서화", true, "라벨링 기준이 문서로 있는지."),
        Flag("labeling.qaReported", "라벨링 품질 보고", true, "라벨링 품질 검사 결과가 있는지."),
        Flag("quality.assessed", "품질 평가", true, "품질을 평가했는지."),
        Column("quality.errorRate", "오류율", ColumnType.DecimalNumber, false, "측정한 오류율, 0에서 1 사이 소수. 품질 평가가 '예'이면 필수.", "0.02"),
        Flag("quality.verified", "품질 검증", true, "제3자가 품질을 검증했는지."),
        Flag("documentation.dataDictionary", "데이터 사전", true, "데이터 사전(항목 정의서)이 있는지."),
        Flag("documentation.datasheet", "데이터시트", true, "데이터시트(설명서)가 있는지."),
        Column("coverage.from", "수록 기간 시작", ColumnType.Date, false, "데이터가 다루는 기간의 시작일, YYYY-MM-DD.", "2015-01-01"),
        Column("coverage.to", "수록 기간 끝", ColumnType.Date, false, "데이터가 다루는 기간의 마지막 날, YYYY-MM-DD.", "2025-12-31"),
        Choice<UpdateFrequency>("maintenance.updateFrequency", "갱신 주기", true, "데이터를 갱신하는 주기.", "realtime"),
        Column("maintenance.lastUpdated", "최종 갱신일", ColumnType.Date, false, "마지막으로 갱신한 날, YYYY-MM-DD.", "2026-11-30"),
        Flag("maintenance.versioned", "버전 관리", true, "버전을 관리하는지."),
        new("processingPlan", "가공 계획", ColumnType.EnumList, false, "제공 전에 할 가공을 ;로 구분, 중복 없이.", "de-identification; cleansing", EnumLabels.For<ProcessingStep>()),
        Text("contactEmail", "담당자 이메일", false, "담당자 이메일 주소.", "data@agency.go.kr"),
        new(ActionKey, "작업", ColumnType.Enum, false, "비우거나 upsert면 등록·수정, withdraw면 그 데이터셋을 철회.", "", Actions),
    ];

    private static SurveyColumn Column(string key, string label, ColumnType type, bool required, string explanation, string example) =>
        new(key, label, type, required, explanation, example, NoChoices);

    private static SurveyColumn Text(string key, string label, bool required, string explanation, string example) =>
        Column(key, label, ColumnType.Text, required, explanation, example);

    private static SurveyColumn List(string key, string label, bool required, string explanation, string example) =>
        Column(key, label, ColumnType.List, required, explanation, example);

    private static SurveyColumn Flag(string key, string label, bool required, string explanation) =>
        new(key, label, ColumnType.Bool, required, explanation + " (예/아니오, true/false, y/n, O/X)", "true", BoolChoices);

    private static SurveyColumn Choice<TEnum>(string key, string label, bool required, string explanation, string example)
        where TEnum : struct, Enum =>
        new(key, label, ColumnType.Enum, required, explanation, example, EnumLabels.For<TEnum>());
}
