namespace Census.Contracts.Imports;

/// <summary>What a row asks for: write its record (<c>upsert</c>) or withdraw the dataset.</summary>
public enum ImportRowAction { Upsert, Withdraw }
