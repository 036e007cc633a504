using Census.Contracts.Institutions;

namespace Census.Grains.Rankings;

/// <summary>
/// A slice's rows scored under one set of weights: post and now per row, and the eligible rows ranked within their
/// sector by (post, now) descending (ties in row order), so a sector's best records are a prefix of its range.
/// </summary>
internal sealed class ShardScores
{
    private readonly int[] _post;
    private readonly int[] _now;
    private readonly int[] _ranked;
    private readonly int[] _sectorStarts;

    public ShardScores(ShardSlice slice, int[] weights)
    {
        Weights = weights;
        _post = new int[slice.Count];
        _now = new int[slice.Count];
        var sectorCount = Enum.GetValues<Sector>().Max(s => (int)s) + 1;
        _sectorStarts = new int[sectorCount + 1];
        for (var i = 0; i < slice.Count; i++)
        {
            _post[i] = slice.QuarterPoints(i, weights, post: true);
            _now[i] = slice.QuarterPoints(i, weights, post: false);
            if (slice.Eligible(i))
            {
                _sectorStarts[(int)slice.Sector(i) + 1]++;
            }
        }

        for (var s = 0; s < sectorCount; s++)
        {
            _sectorStarts[s + 1] += _sectorStarts[s];
        }

        // Bucket the eligible rows by sector (in row order), then sort each bucket by score.
        _ranked = new int[_sectorStarts[sectorCount]];
        var next = _sectorStarts[..^1];
        for (var i = 0; i < slice.Count; i++)
        {
            if (slice.Eligible(i))
            {
                _ranked[next[(int)slice.Sector(i)]++] = i;
            }
        }

        for (var s = 0; s < sectorCount; s++)
        {
            _ranked.AsSpan(_sectorStarts[s], _sectorStarts[s + 1] - _sectorStarts[s]).Sort(Compare);
        }
    }

    public int[] Weights { get; }

    /// <summary>How many rows are eligible.</summary>
    public int Eligible => _ranked.Length;

    public int Post(int row) => _post[row];

    public int Now(int row) => _now[row];

    /// <summary>The eligible rows of a sector, best first.</summary>
    public ArraySegment<int> Ranked(Sector sector) =>
        (int)sector + 1 < _sectorStarts.Length
            ? new ArraySegment<int>(_ranked, _sectorStarts[(int)sector], _sectorStarts[(int)sector + 1] - _sectorStarts[(int)sector])
            : [];

    /// <summary>The sectors that have eligible rows.</summary>
    public IEnumerable<Sector> Sectors() =>
        Enumerable.Range(0, _sectorStarts.Length - 1).Where(s => _sectorStarts[s + 1] > _sectorStarts[s]).Select(s => (Sector)s);

    private int Compare(int x, int y)
    {
        var byPost = _post[y].CompareTo(_post[x]);
        if (byPost != 0)
        {
            return byPost;
        }

        var byNow = _now[y].CompareTo(_now[x]);
        return byNow != 0 ? byNow : x.CompareTo(y);
    }
}
