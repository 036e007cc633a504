namespace Census.Domain.Tests.Validation;

public sealed class PagingTests
{
    [Fact]
    public void Missing_page_and_page_size_default_to_the_first_page_of_fifty()
    {
        var errors = new ValidationErrors();

        var (page, pageSize) = Paging.Validate(errors, null, null);

        Assert.Equal((1, 50), (page, pageSize));
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 500)]
    [InlineData(7, 25)]
    [InlineData(int.MaxValue, 500)]
    public void Pages_from_one_and_page_sizes_from_one_to_500_are_accepted_as_given(int page, int pageSize)
    {
        var errors = new ValidationErrors();

        var result = Paging.Validate(errors, page, pageSize);

        Assert.Equal((page, pageSize), result);
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_page_below_one_is_an_error_on_page(int page)
    {
        var errors = new ValidationErrors();

        Paging.Validate(errors, page, null);

        Assert.Equal(["page"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(501)]
    [InlineData(int.MaxValue)]
    public void A_page_size_outside_one_to_500_is_an_error_on_page_size(int pageSize)
    {
        var errors = new ValidationErrors();

        Paging.Validate(errors, null, pageSize);

        Assert.Equal(["pageSize"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_bad_page_and_a_bad_page_size_are_both_reported()
    {
        var errors = new ValidationErrors();

        Paging.Validate(errors, 0, 0);

        Assert.Equal(["page", "pageSize"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1, 3, new[] { 1, 2, 3 })]
    [InlineData(2, 3, new[] { 4, 5, 6 })]
    [InlineData(4, 3, new[] { 10 })]
    [InlineData(1, 500, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    public void A_page_is_the_matching_slice_of_the_ordered_items(int page, int pageSize, int[] expected)
    {
        var items = Enumerable.Range(1, 10);

        var slice = Paging.Slice(items, page, pageSize);

        Assert.Equal(expected, slice);
    }

    [Fact]
    public void A_page_past_the_end_is_empty()
    {
        var items = Enumerable.Range(1, 10);

        var slice = Paging.Slice(items, 5, 3);

        Assert.Empty(slice);
    }

    [Fact]
    public void A_page_whose_offset_exceeds_int_max_is_empty_instead_of_overflowing()
    {
        var items = Enumerable.Range(1, 10);

        var slice = Paging.Slice(items, int.MaxValue, Paging.MaxPageSize);

        Assert.Empty(slice);
    }
}
