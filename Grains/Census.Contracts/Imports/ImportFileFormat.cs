namespace Census.Contracts.Imports;

/// <summary>The kind of file an import was read from; <c>catalog</c>: a harvested DCAT-AP catalogue or data.json.</summary>
public enum ImportFileFormat { Xlsx, Csv, Ndjson, Catalog }
