namespace Census.Exchange.Imports;

/// <summary>Spreadsheet cell names: column 0 is <c>A</c>, 26 is <c>AA</c>; rows count from 1.</summary>
public static class CellReference
{
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static string Of(int columnIndex, int row) => Column(columnIndex) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The zero-based column of a reference such as <c>AB12</c>; -1 when it names none.</summary>
    public static int ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is 0 or > 3 ? -1 : index - 1;
    }
}
