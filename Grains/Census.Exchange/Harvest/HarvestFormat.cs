namespace Census.Exchange.Harvest;

/// <summary>The catalogue documents a harvest reads (intake-exchange.md "Harvest").</summary>
public enum HarvestFormat
{
    /// <summary>A DCAT-AP 2.x or 3.x catalogue as JSON-LD (<c>application/ld+json</c>).</summary>
    DcatJsonLd,

    /// <summary>A DCAT-AP 2.x or 3.x catalogue as Turtle (<c>text/turtle</c>).</summary>
    DcatTurtle,

    /// <summary>A Project Open Data 1.1 <c>data.json</c> (<c>application/json</c>).</summary>
    DataJson,
}
