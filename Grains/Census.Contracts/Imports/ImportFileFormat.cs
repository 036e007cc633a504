namespace Census.Contracts.Imports;

/// <summary>The kind of file an import was read from.</summary>
public enum ImportFileFormat { Xlsx, Csv, Ndjson }
