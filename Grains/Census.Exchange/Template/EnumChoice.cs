namespace Census.Exchange.Template;

/// <summary>One allowed value of an enumerated column: its wire name (api.md) and the Korean label the template shows.</summary>
public sealed record EnumChoice(string Value, string Label);
