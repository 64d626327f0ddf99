using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Referrals.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Referrals;

/// <summary>
/// The forwarding chain and its actions: what each organisation in the chain sees of it, and which actions the viewer's
/// role and organisation offer.
/// </summary>
public sealed class ReferralForwardsTests : ComponentTestContext
{
    private const string PartnerNote = "Asiakas ohjattu päihdepalveluihin.";
    private const string ForwardNote = "Asiakas toivoo soittoa iltapäivällä.";

    private static readonly Guid Kela = Organisation.IdFor(OrganisationKind.KelaDistrict, "etelainen");
    private static readonly Guid Helsinki = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90");
    private static readonly Guid HealthCare = Organisation.IdFor(OrganisationKind.HealthCare, "90");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeCurrentUser _user = new();
    private readonly FakeForwarding _forwarding = new();

    public ReferralForwardsTests()
    {
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddSingleton<IForwardingCommands>(_forwarding);
        Services.AddSingleton<IOrganisationNamesHandler>(new FakeNames());
    }

    [Fact]
    public void Chain_Kela_SeesThePartnerItsStatusAndWorkerButNoNoteAndNoActions()
    {
        _user.Be(Kela, UserRole.KelaHandler);

        var cut = Render(WithForward(Link(ForwardStatus.Completed, worker: "Terhi Terveys", closingNote: null)));

        var link = cut.Find("[data-testid=forward-link]");
        link.GetAttribute("data-target").ShouldBe("HealthCare");
        link.QuerySelector("[data-testid=forward-partner]")!.TextContent.ShouldBe("Terveydenhuolto, Helsingin kaupunki");
        link.QuerySelector("[data-testid=forward-status]")!.TextContent.Trim().ShouldBe("Valmis");
        link.QuerySelector("[data-testid=forward-worker]")!.TextContent.ShouldContain("Terhi Terveys");
        cut.Find("[data-testid=chain-sender]").TextContent.ShouldContain("Eteläinen vakuutuspiiri");
        cut.Find("[data-testid=chain-receiver]").TextContent.ShouldContain("Helsingin kaupunki");
        cut.FindAll("[data-testid=forward-closing-note]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-note-text]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-form]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-accept]").ShouldBeEmpty();
    }

    [Fact]
    public void Chain_SocialServices_SeesThePartnersNotes()
    {
        _user.Be(Helsinki, UserRole.SocialWorker);

        var cut = Render(WithForward(Link(ForwardStatus.Completed, "Terhi Terveys", PartnerNote, ForwardNote)) with { Status = ReferralStatus.Completed });

        cut.Find("[data-testid=forward-closing-note]").TextContent.ShouldContain(PartnerNote);
        cut.Find("[data-testid=forward-note-text]").TextContent.ShouldContain(ForwardNote);
        // Completed: nothing more to forward.
        cut.FindAll("[data-testid=forward-form]").ShouldBeEmpty();
    }

    [Fact]
    public void NoChainAndNothingToDo_RendersNothing()
    {
        _user.Be(Kela, UserRole.KelaHandler);

        var cut = Render(Details(ReferralStatus.Accepted));

        cut.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void SocialWorker_NotYetAccepted_NoForwardForm()
    {
        _user.Be(Helsinki, UserRole.SocialWorker);

        var cut = Render(Details(ReferralStatus.Received));

        cut.FindAll("[data-testid=forward-form]").ShouldBeEmpty();
    }

    [Fact]
    public void SocialWorker_WithoutConsentToDescribe_NoteDisabledAndExplained()
    {
        _user.Be(Helsinki, UserRole.SocialWorker);

        var cut = Render(Offering(Details(ReferralStatus.Accepted) with { Consent = ConsentRecord.NotGiven }, ReferralAction.Forward));

        var note = cut.Find("[data-testid=forward-note]");
        note.HasAttribute("disabled").ShouldBeTrue();
        FieldOf(cut, "forward-note").TextContent.ShouldContain("Asiakkaan suostumus ei kata tilanteen kuvaamista, joten viestiä ei voi liittää.");
    }

    [Fact]
    public void ForwardForm_NoTarget_AsksForItAndSendsNothing()
    {
        _user.Be(Helsinki, UserRole.SocialWorker);
        RenderPopoverProvider();
        var cut = Render(Offering(Details(ReferralStatus.Accepted), ReferralAction.Forward));

        cut.Find("[data-testid=forward-form]").Submit();

        cut.WaitForAssertion(() => ErrorTextOf(cut, "forward-target").ShouldBe("Valitse, kenelle ilmoitus välitetään."));
        _forwarding.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task ForwardForm_ServerRefuses_ShowsWhyAndKeepsTheNote()
    {
        _user.Be(Helsinki, UserRole.SocialWorker);
        _forwarding.Answer = Result.Failure(Referral.Errors.AlreadyForwarded);
        RenderPopoverProvider();
        var cut = Render(Offering(Details(ReferralStatus.InAssessment), ReferralAction.Forward));
        await ChooseAsync(cut, "forward-target", "Terveydenhuolto");
        cut.Find("textarea[data-testid=forward-note]").Change(ForwardNote);

        cut.Find("[data-testid=forward-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=form-error]").TextContent.ShouldContain("Ilmoitus on jo välitetty tälle taholle"));
        cut.Find("textarea[data-testid=forward-note]").GetAttribute("value").ShouldBe(ForwardNote);
        _forwarding.Calls.ShouldHaveSingleItem().ShouldBe(new ForwardReferralCommand(ReferralId, ForwardTarget.HealthCare, ForwardNote));
    }

    [Fact]
    public void Partner_ForwardNotYetAccepted_OffersAcceptAndReturnButNotComplete()
    {
        _user.Be(HealthCare, UserRole.HealthCareProfessional);

        var cut = Render(Offering(WithForward(Link(ForwardStatus.Received)), ReferralAction.AcceptForward | ReferralAction.ReturnForward));

        cut.FindAll("[data-testid=forward-accept]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=forward-return-form]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=forward-complete-form]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-form]").ShouldBeEmpty();
    }

    [Fact]
    public void Partner_Accept_CallsTheUseCaseAndTellsThePage()
    {
        _user.Be(HealthCare, UserRole.HealthCareProfessional);
        var changed = 0;

        var cut = Render<ReferralForwards>(p => p
            .Add(c => c.Referral, Offering(WithForward(Link(ForwardStatus.Sent)), ReferralAction.AcceptForward | ReferralAction.ReturnForward))
            .Add(c => c.OnChanged, () => changed++));
        cut.Find("button[data-testid=forward-accept]").Click();

        cut.WaitForAssertion(() => changed.ShouldBe(1));
        _forwarding.Accepted.ShouldBe([ReferralId]);
    }

    [Fact]
    public void Partner_AcceptedForward_OffersCompleteAndReturn()
    {
        _user.Be(HealthCare, UserRole.HealthCareProfessional);

        var cut = Render(Offering(WithForward(Link(ForwardStatus.Accepted, "Terhi Terveys")), ReferralAction.CompleteForward | ReferralAction.ReturnForward));

        cut.FindAll("[data-testid=forward-accept]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-complete-form]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=forward-return-form]").ShouldHaveSingleItem();
    }

    [Fact]
    public void Partner_ClosedForward_NoActions()
    {
        _user.Be(HealthCare, UserRole.HealthCareProfessional);

        var cut = Render(WithForward(Link(ForwardStatus.Returned, "Terhi Terveys")));

        cut.FindAll("[data-testid=forward-chain]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=forward-accept]").ShouldBeEmpty();
        cut.FindAll("[data-testid=forward-return-form]").ShouldBeEmpty();
    }

    private static readonly Guid ReferralId = Guid.NewGuid();

    private IRenderedComponent<ReferralForwards> Render(ReferralDetails details) =>
        Render<ReferralForwards>(p => p.Add(c => c.Referral, details));

    private static ReferralForwardView Link(ForwardStatus status, string? worker = null, string? closingNote = null, string? note = null) =>
        new(Guid.NewGuid(), ForwardTarget.HealthCare, Helsinki, HealthCare, Now, "Sari Sosiaali", note, status, worker,
            worker is null ? null : Now.AddHours(1), status is ForwardStatus.Completed or ForwardStatus.Returned ? Now.AddDays(1) : null, null, closingNote);

    /// <summary>
    /// The domain's answer for the viewer (ReferralActions, tested in the domain): the page shows these and nothing else.
    /// A partner's actions work on its open forward, the last link here.
    /// </summary>
    private static ReferralDetails Offering(ReferralDetails details, ReferralAction actions) => details with
    {
        Actions = actions,
        OpenForwardToViewerId = actions >= ReferralAction.AcceptForward ? details.Forwards[^1].Id : null,
    };

    private static ReferralDetails WithForward(ReferralForwardView link) => Details(ReferralStatus.InAssessment) with { Forwards = [link] };

    private static ReferralDetails Details(ReferralStatus status) =>
        new(ReferralId, Guid.NewGuid(), Kela, Helsinki, "Testi Asiakas", PersonalIdentityCode.Parse("010190-900P").Value, "091",
            ReferralGround.ObviousNeedForSocialCare, true, "Tilanne.", status, Now.AddDays(-2), "Eeva Etelä", Now.AddDays(-1),
            Guid.NewGuid(), "Sari Sosiaali", Now.AddDays(-1))
        {
            Consent = ConsentRecord.GivenIn(ConsentMethod.InPerson, new DateOnly(2026, 2, 27)),
        };

    private sealed class FakeForwarding : IForwardingCommands
    {
        public List<ForwardReferralCommand> Calls { get; } = [];

        public List<Guid> Accepted { get; } = [];

        public Result? Answer { get; set; }

        public Task<Result> ForwardAsync(ForwardReferralCommand command, CancellationToken cancellationToken = default)
        {
            Calls.Add(command);
            return Task.FromResult(Answer ?? Result.Success());
        }

        public Task<Result> AcceptAsync(Guid referralId, CancellationToken cancellationToken = default)
        {
            Accepted.Add(referralId);
            return Task.FromResult(Answer ?? Result.Success());
        }

        public Task<Result> CompleteAsync(CompleteForwardCommand command, CancellationToken cancellationToken = default) =>
            Task.FromResult(Answer ?? Result.Success());

        public Task<Result> ReturnAsync(ReturnForwardCommand command, CancellationToken cancellationToken = default) =>
            Task.FromResult(Answer ?? Result.Success());
    }

    private sealed class FakeNames : IOrganisationNamesHandler
    {
        private static readonly Dictionary<Guid, OrganisationName> Names = new()
        {
            [Kela] = new(Kela, OrganisationKind.KelaDistrict, "Eteläinen vakuutuspiiri", "Södra försäkringsdistriktet", "Southern insurance district"),
            [Helsinki] = new(Helsinki, OrganisationKind.SocialServicesOrganiser, "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki"),
            [HealthCare] = new(HealthCare, OrganisationKind.HealthCare, "Terveydenhuolto, Helsingin kaupunki", "Hälso- och sjukvård, Helsingfors stad", "Health care, City of Helsinki"),
        };

        public Task<IReadOnlyDictionary<Guid, OrganisationName>> HandleAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, OrganisationName>>(Names.Where(n => organisationIds.Contains(n.Key)).ToDictionary());
    }
}
