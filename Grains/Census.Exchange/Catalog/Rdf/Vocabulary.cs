namespace Census.Exchange.Catalog.Rdf;

/// <summary>The terms the catalogue writes, by vocabulary (one place, so a typo cannot hide in a builder).</summary>
public static class Vocabulary
{
    public static class RdfSyntax
    {
        public static readonly RdfIri Type = new("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    }

    public static class Rdfs
    {
        public static readonly RdfIri Label = new("http://www.w3.org/2000/01/rdf-schema#label");
    }

    public static class Dcat
    {
        private const string Ns = "http://www.w3.org/ns/dcat#";
        public static readonly RdfIri Catalog = new(Ns + "Catalog");
        public static readonly RdfIri Dataset = new(Ns + "Dataset");
        public static readonly RdfIri Distribution = new(Ns + "Distribution");
        public static readonly RdfIri DatasetProperty = new(Ns + "dataset");
        public static readonly RdfIri DistributionProperty = new(Ns + "distribution");
        public static readonly RdfIri Keyword = new(Ns + "keyword");
        public static readonly RdfIri Theme = new(Ns + "theme");
        public static readonly RdfIri ThemeTaxonomy = new(Ns + "themeTaxonomy");
        public static readonly RdfIri ContactPoint = new(Ns + "contactPoint");
        public static readonly RdfIri AccessUrl = new(Ns + "accessURL");
        public static readonly RdfIri LandingPage = new(Ns + "landingPage");
        public static readonly RdfIri MediaType = new(Ns + "mediaType");
        public static readonly RdfIri ByteSize = new(Ns + "byteSize");
    }

    public static class Dct
    {
        private const string Ns = "http://purl.org/dc/terms/";
        public static readonly RdfIri Title = new(Ns + "title");
        public static readonly RdfIri Description = new(Ns + "description");
        public static readonly RdfIri Publisher = new(Ns + "publisher");
        public static readonly RdfIri Issued = new(Ns + "issued");
        public static readonly RdfIri Modified = new(Ns + "modified");
        public static readonly RdfIri Identifier = new(Ns + "identifier");
        public static readonly RdfIri License = new(Ns + "license");
        public static readonly RdfIri AccessRights = new(Ns + "accessRights");
        public static readonly RdfIri Format = new(Ns + "format");
        public static readonly RdfIri LicenseDocument = new(Ns + "LicenseDocument");
        public static readonly RdfIri RightsStatement = new(Ns + "RightsStatement");
        public static readonly RdfIri MediaTypeOrExtent = new(Ns + "MediaTypeOrExtent");
        public static readonly RdfIri MediaTypeClass = new(Ns + "MediaType");
    }

    public static class Foaf
    {
        private const string Ns = "http://xmlns.com/foaf/0.1/";
        public static readonly RdfIri Agent = new(Ns + "Agent");
        public static readonly RdfIri Document = new(Ns + "Document");
        public static readonly RdfIri Name = new(Ns + "name");
    }

    public static class Vcard
    {
        private const string Ns = "http://www.w3.org/2006/vcard/ns#";
        public static readonly RdfIri Kind = new(Ns + "Kind");
        public static readonly RdfIri Fn = new(Ns + "fn");
        public static readonly RdfIri HasEmail = new(Ns + "hasEmail");
    }

    public static class Skos
    {
        private const string Ns = "http://www.w3.org/2004/02/skos/core#";
        public static readonly RdfIri Concept = new(Ns + "Concept");
        public static readonly RdfIri ConceptScheme = new(Ns + "ConceptScheme");
        public static readonly RdfIri PrefLabel = new(Ns + "prefLabel");
        public static readonly RdfIri Definition = new(Ns + "definition");
        public static readonly RdfIri InScheme = new(Ns + "inScheme");
    }

    public static class Dqv
    {
        private const string Ns = "http://www.w3.org/ns/dqv#";
        public static readonly RdfIri Metric = new(Ns + "Metric");
        public static readonly RdfIri QualityMeasurement = new(Ns + "QualityMeasurement");
        public static readonly RdfIri HasQualityMeasurement = new(Ns + "hasQualityMeasurement");
        public static readonly RdfIri IsMeasurementOf = new(Ns + "isMeasurementOf");
        public static readonly RdfIri ComputedOn = new(Ns + "computedOn");
        public static readonly RdfIri Value = new(Ns + "value");
        public static readonly RdfIri ExpectedDataType = new(Ns + "expectedDataType");
    }
}
