using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Domain.Validation;

namespace Census.Exchange.Template;

/// <summary>
/// The Korean label of every enumeration value the template offers, beside its wire name. A value without a
/// label here fails the template's own test, so a new enum member cannot ship unlabelled.
/// </summary>
public static class EnumLabels
{
    public static IReadOnlyList<EnumChoice> For<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new EnumChoice(Names.Of(v), Label(v)))];

    private static string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => value switch
    {
        Sector s => s switch
        {
            Sector.PublicAdministration => "공공행정",
            Sector.ScienceTechnology => "과학기술",
            Sector.Education => "교육",
            Sector.TransportLogistics => "교통물류",
            Sector.LandManagement => "국토관리",
            Sector.AgricultureFisheries => "농축수산",
            Sector.CultureTourism => "문화관광",
            Sector.Law => "법률",
            Sector.HealthMedical => "보건의료",
            Sector.SocialWelfare => "사회복지",
            Sector.IndustryEmployment => "산업고용",
            Sector.FoodHealth => "식품건강",
            Sector.DisasterSafety => "재난안전",
            Sector.Finance => "재정금융",
            Sector.UnificationDiplomacy => "통일외교안보",
            Sector.EnvironmentWeather => "환경기상",
            _ => Missing(s),
        },
        Modality m => m switch
        {
            Modality.Text => "텍스트",
            Modality.Image => "이미지",
            Modality.Video => "영상",
            Modality.Audio => "음성",
            Modality.Tabular => "정형 표",
            Modality.TimeSeries => "시계열",
            Modality.Geospatial => "공간정보",
            Modality.Multimodal => "멀티모달",
            _ => Missing(m),
        },
        DataStructure d => d switch
        {
            DataStructure.Structured => "정형",
            DataStructure.SemiStructured => "반정형",
            DataStructure.Unstructured => "비정형",
            _ => Missing(d),
        },
        Digitization d => d switch
        {
            Digitization.Digital => "디지털",
            Digitization.Scanned => "스캔 이미지",
            Digitization.Paper => "종이 문서",
            _ => Missing(d),
        },
        CollectionPurpose p => p switch
        {
            CollectionPurpose.Administrative => "행정",
            CollectionPurpose.Statistical => "통계",
            CollectionPurpose.Research => "연구",
            CollectionPurpose.ServiceOperation => "서비스 운영",
            CollectionPurpose.Regulatory => "규제",
            CollectionPurpose.AiTraining => "AI 학습",
            CollectionPurpose.Other => "기타",
            CollectionPurpose.Unknown => "알 수 없음",
            _ => Missing(p),
        },
        AvailabilityScope a => a switch
        {
            AvailabilityScope.Open => "개방",
            AvailabilityScope.Restricted => "제한 제공",
            AvailabilityScope.SafeZoneOnly => "안심구역 전용",
            AvailabilityScope.NotProvidable => "제공 불가",
            _ => Missing(a),
        },
        License l => l switch
        {
            License.KoglType1 => "공공누리 제1유형",
            License.KoglType2 => "공공누리 제2유형",
            License.KoglType3 => "공공누리 제3유형",
            License.KoglType4 => "공공누리 제4유형",
            License.Cc0 => "CC0",
            License.CcBy => "CC BY",
            License.CcBySa => "CC BY-SA",
            License.CcByNc => "CC BY-NC",
            License.CcByNd => "CC BY-ND",
            License.CcByNcSa => "CC BY-NC-SA",
            License.CcByNcNd => "CC BY-NC-ND",
            License.OdcBy => "ODC-By",
            License.Odbl => "ODbL",
            License.Pddl => "PDDL",
            License.PublicDomain => "퍼블릭 도메인",
            License.Proprietary => "독점 라이선스",
            License.Unknown => "알 수 없음",
            _ => Missing(l),
        },
        ThirdPartyRights t => t switch
        {
            ThirdPartyRights.None => "없음",
            ThirdPartyRights.Cleared => "처리 완료",
            ThirdPartyRights.NotCleared => "미처리",
            _ => Missing(t),
        },
        PersonalDataStatus p => p switch
        {
            PersonalDataStatus.None => "없음",
            PersonalDataStatus.Pseudonymized => "가명처리",
            PersonalDataStatus.Identifiable => "식별 가능",
            _ => Missing(p),
        },
        LabelingStatus l => l switch
        {
            LabelingStatus.None => "없음",
            LabelingStatus.Implicit => "암묵적",
            LabelingStatus.Partial => "일부",
            LabelingStatus.Full => "전체",
            _ => Missing(l),
        },
        UpdateFrequency u => u switch
        {
            UpdateFrequency.Static => "갱신 없음",
            UpdateFrequency.Yearly => "연간",
            UpdateFrequency.Quarterly => "분기",
            UpdateFrequency.Monthly => "월간",
            UpdateFrequency.Weekly => "주간",
            UpdateFrequency.Daily => "일간",
            UpdateFrequency.Realtime => "실시간",
            UpdateFrequency.Unknown => "알 수 없음",
            _ => Missing(u),
        },
        ProcessingStep p => p switch
        {
            ProcessingStep.DeIdentification => "비식별 처리",
            ProcessingStep.Labeling => "라벨링",
            ProcessingStep.FormatConversion => "형식 변환",
            ProcessingStep.Cleansing => "정제",
            ProcessingStep.QualityVerification => "품질 검증",
            _ => Missing(p),
        },
        _ => Missing(value),
    };

    private static string Missing<TEnum>(TEnum value) =>
        throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no Korean label in the template.");
}
