namespace Census.Grains.Imports;

/// <summary>What became of a row (or, in a dry run, would): stored beside it in the import store.</summary>
public enum ImportRowOutcome { Created, Updated, Unchanged, Withdrawn, Invalid }
