namespace Census.Contracts.Surveys;

// The enumerations of a survey record (api.md). On the wire each is a lower-case kebab-case name:
// TimeSeries → "time-series", KoglType1 → "kogl-type1", DeIdentification → "de-identification".

public enum Modality { Text, Image, Video, Audio, Tabular, TimeSeries, Geospatial, Multimodal }

public enum DataStructure { Structured, SemiStructured, Unstructured }

public enum Digitization { Digital, Scanned, Paper }

public enum CollectionPurpose { Administrative, Statistical, Research, ServiceOperation, Regulatory, AiTraining, Other, Unknown }

public enum AvailabilityScope { Open, Restricted, SafeZoneOnly, NotProvidable }

public enum License
{
    KoglType1, KoglType2, KoglType3, KoglType4,
    Cc0, CcBy, CcBySa, CcByNc, CcByNd, CcByNcSa, CcByNcNd,
    OdcBy, Odbl, Pddl, PublicDomain, Proprietary, Unknown,
}

public enum ThirdPartyRights { None, Cleared, NotCleared }

public enum PersonalDataStatus { None, Pseudonymized, Identifiable }

public enum LabelingStatus { None, Implicit, Partial, Full }

public enum UpdateFrequency { Static, Yearly, Quarterly, Monthly, Weekly, Daily, Realtime, Unknown }

public enum ProcessingStep { DeIdentification, Labeling, FormatConversion, Cleansing, QualityVerification }
