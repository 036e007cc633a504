namespace Census.Contracts.Exports;

/// <summary>What an exported file is (provision.md §2 "Output checking"): only tables carry figures a machine can check.</summary>
public enum ExportFileType { Table, Figure, Model, Text, Code }
