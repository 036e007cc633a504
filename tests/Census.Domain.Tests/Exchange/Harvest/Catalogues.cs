using Census.Exchange.Harvest;
using Census.Exchange.Imports;

namespace Census.Domain.Tests.Exchange.Harvest;

/// <summary>The harvest fixtures (see Fixtures/README.md for their sources and licences) and a shorthand to harvest text.</summary>
internal static class Catalogues
{
    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Exchange", "Harvest", "Fixtures", name));

    public static IReadOnlyList<ImportEntry> Harvested(string text, HarvestFormat format, Sector? sector = null) =>
        CatalogHarvest.Read(text, format, new HarvestContext(sector));

    public static ImportEntry Single(string text, HarvestFormat format, Sector? sector = null) =>
        Assert.Single(Harvested(text, format, sector));

    /// <summary>A one-dataset Turtle catalogue: the given statements about ex:ds, with the usual prefixes.</summary>
    public static string Turtle(string statements) => $"""
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ex: <https://data.example.kr/dataset/> .
        ex:ds a dcat:Dataset ;
          {statements} .
        """;

    public static string Paths(ImportEntry entry) => string.Join(" ", entry.Errors.Select(e => e.Path));
}
