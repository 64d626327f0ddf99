using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications.ListNotifications;
using CooperationModel.Application.Notifications.MarkRead;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Web.Components.Pages.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Shared;

/// <summary>The tables' pager (plain elements over MudTable's state): the page it asks the server for, and what it says.</summary>
public sealed class TablePagerTests : ComponentTestContext
{
    private readonly RecordingList _list = new(60);

    public TablePagerTests()
    {
        Services.AddSingleton<IListNotificationsHandler>(_list);
        Services.AddSingleton<IMarkNotificationsReadHandler>(new NoMarks());
    }

    [Fact]
    public async Task NextAndLast_AskForThosePages_AndTheCaptionCounts()
    {
        var page = Render<Notifications>();
        page.WaitForAssertion(() => Caption(page).ShouldBe("1–25 / 60"));
        Button(page, "Edellinen sivu").HasAttribute("disabled").ShouldBeTrue();

        await Button(page, "Seuraava sivu").ClickAsync(new());
        page.WaitForAssertion(() => Caption(page).ShouldBe("26–50 / 60"));
        await Button(page, "Viimeinen sivu").ClickAsync(new());
        page.WaitForAssertion(() => Caption(page).ShouldBe("51–60 / 60"));

        _list.Requests.ShouldBe([new PageRequest(1, 25), new PageRequest(2, 25), new PageRequest(3, 25)]);
        Button(page, "Seuraava sivu").HasAttribute("disabled").ShouldBeTrue();
        Button(page, "Ensimmäinen sivu").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task PageSize_IsANamedSelect_AndChangingItLoadsTheFirstPageOfThatSize()
    {
        var page = Render<Notifications>();
        page.WaitForAssertion(() => Caption(page).ShouldBe("1–25 / 60"));
        var select = page.Find("select[data-testid=table-page-size]");
        page.Find($"label[for={select.Id}]").TextContent.ShouldBe("Rivejä sivulla:");
        select.GetAttribute("value").ShouldBe("25");
        select.QuerySelectorAll("option").Select(o => o.TextContent).ShouldBe(["25", "50", "100"]);

        await select.ChangeAsync(new ChangeEventArgs { Value = "50" });

        page.WaitForAssertion(() => Caption(page).ShouldBe("1–50 / 60"));
        _list.Requests[^1].ShouldBe(new PageRequest(1, 50));
        page.Find("select[data-testid=table-page-size]").GetAttribute("value").ShouldBe("50");
    }

    private static string Caption(IRenderedComponent<Notifications> page) =>
        page.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<Notifications> page, string label) =>
        page.FindAll(".mud-table-pagination button").Single(b => b.GetAttribute("aria-label") == label);

    private sealed class RecordingList(int total) : IListNotificationsHandler
    {
        public List<PageRequest> Requests { get; } = [];

        public Task<Page<NotificationRow>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
        {
            Requests.Add(page);
            var first = (page.Page - 1) * page.PageSize;
            var rows = Enumerable.Range(first, Math.Max(0, Math.Min(page.PageSize, total - first)))
                .Select(i => new NotificationRow(Guid.NewGuid(), NotificationKind.NewReferral, Guid.NewGuid(), null, DateTimeOffset.UnixEpoch.AddHours(i), Read: true))
                .ToList();
            return Task.FromResult(new Page<NotificationRow>(rows, total));
        }
    }

    private sealed class NoMarks : IMarkNotificationsReadHandler
    {
        public Task<Result> MarkReadAsync(Guid notificationId, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
