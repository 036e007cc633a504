using Census.Contracts.Surveys;

namespace Census.Contracts.Imports;

/// <summary>
/// One row of an import file as read and validated by the gateway, staged into its import. The row is valid when
/// <see cref="Errors"/> is empty; then <see cref="DatasetId"/> is set, and <see cref="Record"/> too unless the row
/// withdraws.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ImportRow")]
public sealed record ImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string? DatasetId,
    [property: Id(2)] ImportRowAction Action,
    [property: Id(3)] SurveyRecord? Record,
    [property: Id(4)] IReadOnlyList<ImportError> Errors);
