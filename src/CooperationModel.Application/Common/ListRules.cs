using CooperationModel.Domain.Common;
using FluentValidation;

namespace CooperationModel.Application.Common;

/// <summary>
/// The rules every list shares, once for the pages and the API: which pages exist and what a free-text search may hold.
/// The errors name the input they belong to (<see cref="Error.Field"/>), as the API's query parameters and the pages'
/// search boxes are named.
/// </summary>
public static class ListRules
{
    /// <summary>
    /// The last page that can be asked for: its rows start before <see cref="int.MaxValue"/> at the largest page size,
    /// so the offset of any allowed page fits the database's type (a larger one once overflowed into a negative OFFSET).
    /// </summary>
    public const int MaxPage = int.MaxValue / PageRequest.MaxPageSize;

    /// <summary>A search is a name or an identity code; longer text finds nothing and only costs the database.</summary>
    public const int SearchMaxLength = 100;

    public static ValidationError PageInvalid => new("Paging.PageInvalid") { Field = "page" };

    public static ValidationError PageSizeInvalid => new("Paging.PageSizeInvalid") { Field = "pageSize" };

    public static ValidationError SearchTooLong => new("Search.TooLong") { Field = "search" };

    /// <summary>Control characters (NUL among them, which PostgreSQL refuses in text) and broken surrogate pairs.</summary>
    public static ValidationError SearchInvalidCharacters => new("Search.InvalidCharacters") { Field = "search" };

    public static Result CheckPage(PageRequest page)
    {
        var errors = new List<Error>();
        if (page.Page is < 1 or > MaxPage)
        {
            errors.Add(PageInvalid);
        }

        if (page.PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            errors.Add(PageSizeInvalid);
        }

        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>No search (null or blank) is always allowed.</summary>
    public static Result CheckSearch(string? search)
    {
        if (string.IsNullOrEmpty(search))
        {
            return Result.Success();
        }

        if (!StorableText.IsLine(search))
        {
            return SearchInvalidCharacters;
        }

        return search.Trim().Length > SearchMaxLength ? SearchTooLong : Result.Success();
    }

    /// <summary>The page rules on a query's page request.</summary>
    public static void PageMustExist<T>(this IRuleBuilder<T, PageRequest> rule) => rule.MustPassWithOwnFields(CheckPage);

    /// <summary>The search rules on a query's search text.</summary>
    public static void MustBeSearchText<T>(this IRuleBuilder<T, string?> rule) => rule.MustPassWithOwnFields(CheckSearch);
}
