namespace Census.Exchange.Template;

/// <summary>What a template column holds, and so how its cells are read and written.</summary>
public enum ColumnType
{
    /// <summary>Text as written.</summary>
    Text,

    /// <summary>Texts separated by <c>;</c> in one cell.</summary>
    List,

    /// <summary>true/false, yes/no, y/n, 예/아니오, O/X.</summary>
    Bool,

    /// <summary>A whole number (volume).</summary>
    WholeNumber,

    /// <summary>A decimal number (error rate).</summary>
    DecimalNumber,

    /// <summary>A date, <c>YYYY-MM-DD</c> (or a date cell of a spreadsheet).</summary>
    Date,

    /// <summary>One of the column's <see cref="SurveyColumn.Choices"/>.</summary>
    Enum,

    /// <summary>Several of the column's <see cref="SurveyColumn.Choices"/>, separated by <c>;</c>.</summary>
    EnumList,
}
