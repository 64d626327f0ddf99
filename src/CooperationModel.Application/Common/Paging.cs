namespace CooperationModel.Application.Common;

/// <summary>A page request: 1-based page number and a bounded page size.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public int Skip => (Math.Max(Page, 1) - 1) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of rows and the total count of rows behind it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
