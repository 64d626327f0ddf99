using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Referrals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CooperationModel.Web.Tests.Referrals;

/// <summary>
/// The inbox as plain elements in MudBlazor's classes (docs/performance.md, "Circuit memory"): a page of rows holds no
/// component per row, and its filters (search, municipality, switches) and pager still do what MudBlazor's did.
/// </summary>
public sealed class InboxTests : ComponentTestContext
{
    private readonly RecordingInbox _inbox = new();
    private readonly FakeCurrentUser _user = new();

    public InboxTests()
    {
        _user.Be(Guid.NewGuid(), UserRole.SocialWorker);
        Services.AddSingleton<IListInboxHandler>(_inbox);
        Services.AddSingleton<IChangeFeed, NoChanges>();
        Services.AddSingleton<ICurrentUser>(_user);
    }

    [Fact]
    public void Rows_AFullPage_HoldsNoComponentPerRow_AndShowsTheChipsInMudChipsClasses()
    {
        _inbox.Total = 1;
        var one = Render<Inbox>();
        one.WaitForAssertion(() => one.FindAll("tbody tr.mud-table-row").Count.ShouldBe(1));
        var componentsWithOneRow = ComponentCount(one);

        _inbox.Total = 60;
        var full = Render<Inbox>();
        full.WaitForAssertion(() => full.FindAll("tbody tr.mud-table-row").Count.ShouldBe(25));

        ComponentCount(full).ShouldBe(componentsWithOneRow, "a row must cost render frames, not components");
        full.FindComponents<MudChip<string>>().ShouldBeEmpty();
        var status = full.FindAll("tbody tr")[0].QuerySelector("[data-testid=referral-status]").ShouldNotBeNull();
        status.ClassList.ShouldContain("mud-chip");
        status.ClassList.ShouldContain("mud-chip-color-warning");
        status.GetAttribute("data-status").ShouldBe(nameof(ReferralStatus.Sent));
        status.TextContent.Trim().ShouldBe("Lähetetty");
        var urgent = full.FindAll("[data-testid=urgent-chip]").ShouldHaveSingleItem();
        urgent.TextContent.Trim().ShouldBe("Kiireellinen");
        full.FindAll("[data-testid=overdue-chip]").ShouldHaveSingleItem().GetAttribute("title").ShouldNotBeNullOrEmpty();
        full.FindAll("tbody tr.row-overdue").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Pager_NextLastAndPageSize_AskTheServerForThosePages_AndAFilterGoesBackToTheFirst()
    {
        _inbox.Total = 60;
        var page = Render<Inbox>();
        page.WaitForAssertion(() => Caption(page).ShouldBe("1–25 / 60"));

        await Button(page, "Seuraava sivu").ClickAsync(new());
        page.WaitForAssertion(() => Caption(page).ShouldBe("26–50 / 60"));
        await Button(page, "Viimeinen sivu").ClickAsync(new());
        page.WaitForAssertion(() => Caption(page).ShouldBe("51–60 / 60"));
        Button(page, "Seuraava sivu").HasAttribute("disabled").ShouldBeTrue();

        await page.Find("select[data-testid=table-page-size]").ChangeAsync(new ChangeEventArgs { Value = "50" });
        page.WaitForAssertion(() => Caption(page).ShouldBe("1–50 / 60"));
        await Button(page, "Seuraava sivu").ClickAsync(new());
        page.WaitForAssertion(() => Caption(page).ShouldBe("51–60 / 60"));

        await page.Find("input[data-testid=inbox-mine]").ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => _inbox.Queries[^1].OnlyMine.ShouldBeTrue());

        _inbox.Queries.Select(q => q.Page).ShouldBe(
            [new PageRequest(1, 25), new PageRequest(2, 25), new PageRequest(3, 25), new PageRequest(1, 50), new PageRequest(2, 50), new PageRequest(1, 50)]);
    }

    [Fact]
    public async Task Switches_AreNamedCheckboxesWithTheSwitchRole_AndToggleTheirFilter()
    {
        var page = Render<Inbox>();
        page.WaitForAssertion(() => _inbox.Queries.ShouldNotBeEmpty());

        foreach (var (testId, label) in new[] { ("inbox-mine", "Vain omat"), ("inbox-overdue", "Vain myöhässä olevat") })
        {
            var box = page.Find($"input[data-testid={testId}]");
            box.GetAttribute("type").ShouldBe("checkbox");
            box.GetAttribute("role").ShouldBe("switch");
            box.Closest("label").ShouldNotBeNull().TextContent.Trim().ShouldBe(label);
            box.HasAttribute("checked").ShouldBeFalse();
        }

        await page.Find("input[data-testid=inbox-overdue]").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => _inbox.Queries[^1].Overdue.ShouldBe(true));
        page.Find("input[data-testid=inbox-overdue]").HasAttribute("checked").ShouldBeTrue();
        page.Find("input[data-testid=inbox-mine]").HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task Search_IsANamedSearchBox_SentAfterAPause_AndTheClearButtonSendsNone()
    {
        var page = Render<Inbox>();
        page.WaitForAssertion(() => _inbox.Queries.ShouldNotBeEmpty());
        var box = page.Find("input[data-testid=inbox-search]");
        box.GetAttribute("type").ShouldBe("search");
        page.Find($"label[for={box.Id}]").TextContent.ShouldBe("Hae nimellä tai henkilötunnuksella");

        await box.InputAsync(new ChangeEventArgs { Value = "Meik" });
        _inbox.Queries[^1].Search.ShouldBeNull("typing waits for a pause, as MudTextField's DebounceInterval");
        page.WaitForAssertion(() => _inbox.Queries[^1].Search.ShouldBe("Meik"), TimeSpan.FromSeconds(5));
        _inbox.Queries[^1].Page.ShouldBe(new PageRequest(1, 25));

        await page.Find("button.mud-input-clear-button").ClickAsync(new());
        page.WaitForAssertion(() => _inbox.Queries[^1].Search.ShouldBeNull());
        page.Find("input[data-testid=inbox-search]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.FindAll("button.mud-input-clear-button").ShouldBeEmpty();
    }

    [Fact]
    public async Task Municipality_HoldsNoSuggestionsWhileEmpty_ListsTheMatchesOfWhatIsTyped_AndFiltersByTheOneChosen()
    {
        var page = Render<Inbox>();
        page.WaitForAssertion(() => _inbox.Queries.ShouldNotBeEmpty());
        var box = page.Find("input[data-testid=municipality-picker]");
        page.Find($"label[for={box.Id}]").TextContent.ShouldBe("Kotikunta");
        var list = page.Find($"datalist#{box.GetAttribute("list")}");
        list.Children.ShouldBeEmpty();

        await box.InputAsync(new ChangeEventArgs { Value = "Helsi" });
        page.Find($"datalist#{box.GetAttribute("list")}").Children.Select(o => o.GetAttribute("value")).ShouldContain("Helsinki (091)");

        await page.Find("input[data-testid=municipality-picker]").InputAsync(new ChangeEventArgs { Value = "Helsinki (091)" });
        page.WaitForAssertion(() => _inbox.Queries[^1].MunicipalityCode.ShouldBe("091"));
        page.Find($"datalist#{box.GetAttribute("list")}").Children.ShouldBeEmpty();

        await page.Find("input[data-testid=municipality-picker]").ChangeAsync(new ChangeEventArgs { Value = "ei kunta" });
        page.Find("input[data-testid=municipality-picker]").GetAttribute("value").ShouldBe("Helsinki (091)");
        _inbox.Queries[^1].MunicipalityCode.ShouldBe("091");

        await page.Find("input[data-testid=municipality-picker]").ChangeAsync(new ChangeEventArgs { Value = "" });
        page.WaitForAssertion(() => _inbox.Queries[^1].MunicipalityCode.ShouldBeNull());
    }

    private static int ComponentCount(IRenderedComponent<Inbox> page) => page.FindComponents<IComponent>().Count;

    private static string Caption(IRenderedComponent<Inbox> page) =>
        page.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<Inbox> page, string label) =>
        page.FindAll(".mud-table-pagination button").Single(b => b.GetAttribute("aria-label") == label);

    /// <summary>The inbox's use case: <see cref="Total"/> referrals, paged; the first urgent, the second overdue.</summary>
    private sealed class RecordingInbox : IListInboxHandler
    {
        public int Total { get; set; } = 2;

        public List<ListInboxQuery> Queries { get; } = [];

        public Task<Result<Page<InboxRow>>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query);
            var first = (query.Page.Page - 1) * query.Page.PageSize;
            var rows = Enumerable.Range(first, Math.Max(0, Math.Min(query.Page.PageSize, Total - first)))
                .Select(i => new InboxRow(
                    Guid.NewGuid(), $"Asiakas {i}", PersonalIdentityCode.Parse("010190-900P").Value, "091", ReferralGround.BasicAmountReduced,
                    true, ReferralStatus.Sent, DateTimeOffset.UnixEpoch, null)
                {
                    Urgent = i == 0,
                    RespondBy = new DateOnly(2026, 1, 1),
                    IsOverdue = i == 1,
                })
                .ToList();
            return Task.FromResult(Result<Page<InboxRow>>.Success(new Page<InboxRow>(rows, Total)));
        }
    }

    private sealed class NoChanges : IChangeFeed
    {
        public IDisposable Subscribe(Guid organisationId, Func<Task> onChange) => new Nothing();

        public Task PublishAsync(Guid organisationId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
