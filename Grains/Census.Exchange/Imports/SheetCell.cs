namespace Census.Exchange.Imports;

/// <summary>
/// One cell as a reader found it: its text (a number cell's text is the number as stored, e.g. <c>45123</c>
/// for a date serial), whether the spreadsheet typed it as a number, or a <see cref="Problem"/> that makes
/// it unreadable (a formula without a cached value, an error value such as <c>#DIV/0!</c>).
/// </summary>
public readonly record struct SheetCell(string? Text, bool IsNumber = false, string? Problem = null)
{
    public bool IsEmpty => Problem is null && string.IsNullOrWhiteSpace(Text);
}
