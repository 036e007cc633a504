using Census.Contracts.Institutions;

namespace Census.Exchange.Catalog;

/// <summary>The institution that holds a dataset, as the catalogue names it.</summary>
public sealed record CatalogPublisher(string Name, string? NameEn, Sector Sector, string? ContactEmail);
