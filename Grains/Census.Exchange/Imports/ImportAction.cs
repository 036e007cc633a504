namespace Census.Exchange.Imports;

/// <summary>What a row asks for: the template's <c>action</c> column (empty = upsert).</summary>
public enum ImportAction
{
    Upsert,
    Withdraw,
}
