using Census.Contracts.Institutions;

namespace Census.Exchange.Harvest;

/// <summary>
/// What the census knows that a catalogue may not say: the institution's sector, used when no theme of a
/// dataset maps to one; and the document's own address, against which relative IRIs resolve (a placeholder
/// when the caller has none, so relative IRIs still give a last path segment).
/// </summary>
public sealed record HarvestContext(Sector? Sector = null)
{
    public const string DefaultBaseIri = "https://harvest.invalid/catalogue";

    public string BaseIri { get; init; } = DefaultBaseIri;
}
