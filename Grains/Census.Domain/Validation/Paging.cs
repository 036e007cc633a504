namespace Census.Domain.Validation;

/// <summary>The paging rules every list route shares: <c>page ≥ 1</c>, <c>1 ≤ pageSize ≤ 500</c>, default 50.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Checks page and page size (defaults filled in), adding any errors to <paramref name="errors"/>.</summary>
    public static (int Page, int PageSize) Validate(ValidationErrors errors, int? page, int? pageSize)
    {
        var validPage = page ?? 1;
        var validPageSize = pageSize ?? DefaultPageSize;
        if (validPage < 1)
        {
            errors.Add("page", "must be 1 or more.");
        }

        if (validPageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }

        return (validPage, validPageSize);
    }

    /// <summary>The slice of an ordered sequence that a page covers.</summary>
    public static IEnumerable<T> Slice<T>(IEnumerable<T> ordered, int page, int pageSize) =>
        ordered.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize);
}
