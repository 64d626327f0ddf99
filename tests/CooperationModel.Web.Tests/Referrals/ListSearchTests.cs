using Bunit;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using CooperationModel.Web.Components.Pages.Referrals;
using CooperationModel.Web.Components.Shared;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Referrals;

/// <summary>
/// The search boxes of the Cases workspace and the Inbox: a search the lists' rules refuse (ListRules: a NUL character,
/// text too long) says why under the box and keeps what was typed. It once failed silently: an error in the log only.
/// The handlers are fakes that answer as the real ones do, with the real validators.
/// </summary>
public sealed class ListSearchTests : ComponentTestContext
{
    public ListSearchTests()
    {
        Services.AddSingleton<IListCasesHandler, ValidatingCases>();
        Services.AddSingleton<IListInboxHandler, ValidatingInbox>();
        Services.AddSingleton<IChangeFeed, NoChanges>();
        Services.AddSingleton<ICurrentUser, SocialWorker>();
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "Matti\0Meikäläinen", "Haussa on merkkejä, joilla ei voi hakea (esimerkiksi ohjausmerkkejä). Poista ne ja hae uudelleen." },
        { new string('a', ListRules.SearchMaxLength + 1), "Haku on liian pitkä: enintään 100 merkkiä." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void CasesSearch_Refused_SaysWhyAndKeepsTheText(string search, string message)
    {
        var table = Render<CaseTable>(parameters => parameters.Add(t => t.Filter, CaseListFilter.All).Add(t => t.Searchable, true));

        Type(table.Find("input[data-testid=cases-search]"), search);

        table.WaitForAssertion(() => ErrorTextOf(table, "cases-search").ShouldBe(message));
        ShouldKeep(table.Find("input[data-testid=cases-search]"), search);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void InboxSearch_Refused_SaysWhyAndKeepsTheText(string search, string message)
    {
        RenderPopoverProvider();
        var inbox = Render<Inbox>();

        Type(inbox.Find("input[data-testid=inbox-search]"), search);

        inbox.WaitForAssertion(() => ErrorTextOf(inbox, "inbox-search").ShouldBe(message, inbox.Markup));
        ShouldKeep(inbox.Find("input[data-testid=inbox-search]"), search);
    }

    [Fact]
    public void CasesSearch_Allowed_NoError()
    {
        var table = Render<CaseTable>(parameters => parameters.Add(t => t.Filter, CaseListFilter.All).Add(t => t.Searchable, true));

        Type(table.Find("input[data-testid=cases-search]"), "Meikäläinen");

        table.WaitForAssertion(() => table.Services.GetRequiredService<IListCasesHandler>().ShouldBeOfType<ValidatingCases>().Searches.ShouldContain("Meikäläinen"));
        ErrorTextOf(table, "cases-search").ShouldBeNull();
    }

    [Fact]
    public void SearchBoxes_MaxLength_LetsATooLongSearchReachTheRuleButNoPasteDropTheCircuit()
    {
        // Without a maxlength MudBlazor allows 524,288 characters: a paste that large is more than the circuit accepts.
        RenderPopoverProvider();
        var boxes = new[]
        {
            Render<CaseTable>(parameters => parameters.Add(t => t.Filter, CaseListFilter.All).Add(t => t.Searchable, true)).Find("input[data-testid=cases-search]"),
            Render<Inbox>().Find("input[data-testid=inbox-search]"),
        };

        foreach (var box in boxes)
        {
            var maxLength = int.Parse(box.GetAttribute("maxlength") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            maxLength.ShouldBeGreaterThan(ListRules.SearchMaxLength, "a longer search must reach the rule that says so");
            maxLength.ShouldBeLessThanOrEqualTo(FieldLimits.Typing(FieldLimits.LargestLegalLength));
        }
    }

    /// <summary>Types the text and leaves the box, which sends the search at once (no waiting for the debounce).</summary>
    private static void Type(AngleSharp.Dom.IElement box, string text)
    {
        box.Input(text);
        box.Blur();
    }

    /// <summary>The box still holds the text typed (HTML shows no NUL: its letters are compared).</summary>
    private static void ShouldKeep(AngleSharp.Dom.IElement box, string typed) =>
        string.Concat((box.GetAttribute("value") ?? "").Where(char.IsLetter)).ShouldBe(string.Concat(typed.Where(char.IsLetter)));

    private sealed class ValidatingCases(IValidator<ListCasesQuery> validator) : IListCasesHandler
    {
        public List<string?> Searches { get; } = [];

        public async Task<Result<Page<CaseRow>>> HandleAsync(ListCasesQuery query, CancellationToken cancellationToken = default)
        {
            Searches.Add(query.Search);
            var valid = await validator.CheckAsync(query, cancellationToken);
            return valid.IsSuccess ? new Page<CaseRow>([], 0) : Result<Page<CaseRow>>.Failure(valid.Errors);
        }

        public Task<WorkspaceCounts> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(new WorkspaceCounts(0, 0, 0, 0, 0));
    }

    private sealed class ValidatingInbox(IValidator<ListInboxQuery> validator) : IListInboxHandler
    {
        public async Task<Result<Page<InboxRow>>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default)
        {
            var valid = await validator.CheckAsync(query, cancellationToken);
            return valid.IsSuccess ? new Page<InboxRow>([], 0) : Result<Page<InboxRow>>.Failure(valid.Errors);
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

    private sealed class SocialWorker : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid UserId { get; } = Guid.NewGuid();

        public Guid OrganisationId { get; } = Guid.NewGuid();

        public OrganisationKind OrganisationKind => OrganisationKind.SocialServicesOrganiser;

        public UserRole? Role => UserRole.SocialWorker;

        public string DisplayName => "Sosiaalityöntekijä";
    }
}
