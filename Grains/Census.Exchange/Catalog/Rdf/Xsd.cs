namespace Census.Exchange.Catalog.Rdf;

/// <summary>The XML Schema datatypes the catalogue's literals use.</summary>
public static class Xsd
{
    public const string Namespace = "http://www.w3.org/2001/XMLSchema#";
    public const string PlainString = Namespace + "string";
    public const string Date = Namespace + "date";
    public const string DateTime = Namespace + "dateTime";
    public const string DecimalNumber = Namespace + "decimal";
    public const string WholeNumber = Namespace + "integer";
    public const string NonNegativeInteger = Namespace + "nonNegativeInteger";
}
