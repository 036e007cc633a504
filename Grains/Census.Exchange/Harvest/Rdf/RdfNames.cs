namespace Census.Exchange.Harvest.Rdf;

/// <summary>The IRIs of the vocabularies both readers and the harvest mapping use.</summary>
public static class RdfNames
{
    public const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";

    public const string Type = RdfNs + "type";
    public const string First = RdfNs + "first";
    public const string Rest = RdfNs + "rest";
    public const string Nil = RdfNs + "nil";

    public const string XsdInteger = Xsd + "integer";
    public const string XsdDecimal = Xsd + "decimal";
    public const string XsdDouble = Xsd + "double";
    public const string XsdBoolean = Xsd + "boolean";
}
