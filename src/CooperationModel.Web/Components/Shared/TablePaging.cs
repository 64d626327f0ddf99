namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// The paging of a plain table that its page loads from the server itself (no MudTable): the page shown, its size and the
/// count, for <see cref="TablePager"/>, which moves it as MudTable's pager moves MudTable (docs/performance.md, "Circuit memory").
/// </summary>
/// <param name="load">Loads the page now set (the page re-renders when it has loaded).</param>
public sealed class TablePaging(Func<Task> load)
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    /// <summary>The page shown, from 0.</summary>
    public int CurrentPage { get; private set; }

    public int RowsPerPage { get; private set; } = PageSizes[0];

    /// <summary>How many rows the whole list has, as the last load said.</summary>
    public int TotalItems { get; set; }

    private int LastPage => TotalItems <= 0 ? 0 : (TotalItems - 1) / RowsPerPage;

    /// <summary>As MudTable.NavigateTo: first, previous, next or last, within the list.</summary>
    public Task NavigateToAsync(MudBlazor.Page page)
    {
        CurrentPage = page switch
        {
            MudBlazor.Page.First => 0,
            MudBlazor.Page.Previous => Math.Max(0, CurrentPage - 1),
            MudBlazor.Page.Next => Math.Min(LastPage, CurrentPage + 1),
            MudBlazor.Page.Last => LastPage,
            _ => CurrentPage,
        };
        return load();
    }

    /// <summary>As MudTable.SetRowsPerPage: another page size shows the first page of that size.</summary>
    public Task SetRowsPerPageAsync(int size)
    {
        RowsPerPage = size;
        CurrentPage = 0;
        return load();
    }

    /// <summary>The first page again (a filter changed).</summary>
    public Task FirstPageAsync()
    {
        CurrentPage = 0;
        return load();
    }
}
