using Census.Contracts.Imports;
using Census.Contracts.Surveys;

namespace Census.Grains.Imports;

/// <summary>A staged row as the run reads it back: valid or not (the rule across rows applied), and what it asks.</summary>
public sealed record StoredImportRow(int Row, string? DatasetId, ImportRowAction Action, SurveyRecord? Record, bool Valid);
