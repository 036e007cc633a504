namespace Census.Domain.Selection;

/// <summary>The ranking order of rubric.md: post desc, then now desc, then key (ordinal) asc.</summary>
public static class RankingOrder
{
    public static IComparer<Candidate> Instance { get; } = Comparer<Candidate>.Create(Compare);

    private static int Compare(Candidate? x, Candidate? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byPost = y.PostQuarterPoints.CompareTo(x.PostQuarterPoints);
        if (byPost != 0)
        {
            return byPost;
        }

        var byNow = y.NowQuarterPoints.CompareTo(x.NowQuarterPoints);
        return byNow != 0 ? byNow : CompareKeys(x, y);
    }

    // Ordinal order of institutionId + "/" + datasetId, without building the two strings on every comparison
    // (a sort of 100,000 records with tied scores compares keys a million times).
    private static int CompareKeys(Candidate x, Candidate y)
    {
        var xLength = x.InstitutionId.Length + 1 + x.DatasetId.Length;
        var yLength = y.InstitutionId.Length + 1 + y.DatasetId.Length;
        var common = Math.Min(xLength, yLength);
        for (var i = 0; i < common; i++)
        {
            var byChar = KeyChar(x, i).CompareTo(KeyChar(y, i));
            if (byChar != 0)
            {
                return byChar;
            }
        }

        return xLength.CompareTo(yLength);
    }

    private static char KeyChar(Candidate candidate, int index)
    {
        var institution = candidate.InstitutionId;
        if (index < institution.Length)
        {
            return institution[index];
        }

        return index == institution.Length ? '/' : candidate.DatasetId[index - institution.Length - 1];
    }
}
