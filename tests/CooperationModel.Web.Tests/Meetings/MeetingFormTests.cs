using Bunit;
using CooperationModel.Application.Meetings;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;
using CooperationModel.Web.Components.Pages.Meetings;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Meetings;

/// <summary>The meeting form with the use case faked: a refused save keeps every field as typed and shows the error at its field.</summary>
public sealed class MeetingFormTests : ComponentTestContext
{
    private static readonly OrganisationName South = new(Guid.NewGuid(), OrganisationKind.KelaDistrict, "Eteläinen vakuutuspiiri", "Södra försäkringsdistriktet", "Southern insurance district");
    private static readonly OrganisationName Helsinki = new(Guid.NewGuid(), OrganisationKind.SocialServicesOrganiser, "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki");

    private readonly FakeJointMeetings _meetings = new();
    private int _saved;

    public MeetingFormTests() => Services.AddSingleton<IJointMeetings>(_meetings);

    [Fact]
    public async Task MinutesWithAnIdentityCode_AreRefusedBeforeSending_AndEveryFieldKeepsWhatWasTyped()
    {
        var form = RenderForm();
        await FillAsync(form, minutes: "Asiakas 010190-900P kertoi tilanteestaan");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => ErrorTextOf(form, "meeting-minutes").ShouldNotBeNull().ShouldStartWith("Tekstissä on henkilötunnus."));
        _meetings.Sent.ShouldBeEmpty();
        _saved.ShouldBe(0);
        AssertKept(form, "Asiakas 010190-900P kertoi tilanteestaan");
        ErrorTextOf(form, "meeting-title").ShouldBeNull();
    }

    [Fact]
    public async Task ASaveTheUseCaseRefuses_ShowsItsError_AndKeepsTheText()
    {
        _meetings.Answer = JointMeeting.Errors.OwnOrganisationMustTakePart;
        var form = RenderForm();
        await FillAsync(form, minutes: "Käytiin läpi ohjaus.");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => form.Find("[data-testid=meeting-participants-error]").TextContent.ShouldBe("Oman organisaatiosi on oltava osallistujana."));
        var sent = _meetings.Sent.ShouldHaveSingleItem().ShouldBeOfType<SaveMeetingCommand>();
        (sent.Title, sent.Minutes, sent.Decisions, sent.Type, sent.Time).ShouldBe(("Yhteistapaaminen", "Käytiin läpi ohjaus.", "Ohje päivitetään", MeetingType.ClientCouncil, "13.30"));
        sent.Participants.ShouldBe([South.Id, Helsinki.Id]);
        _saved.ShouldBe(0);
        AssertKept(form, "Käytiin läpi ohjaus.");
    }

    [Fact]
    public async Task ASavedMeeting_GivesItsId()
    {
        var form = RenderForm();
        await FillAsync(form, minutes: "Käytiin läpi ohjaus.");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _meetings.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TooFewParticipants_IsShownAtThePicker_BeforeSending()
    {
        var form = RenderForm();
        await form.Find("input[data-testid=meeting-title]").ChangeAsync(new ChangeEventArgs { Value = "Yhteistapaaminen" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => form.Find("[data-testid=meeting-participants-error]").TextContent.ShouldBe("Tapaamisessa on oltava vähintään 2 osallistuvaa organisaatiota."));
        _meetings.Sent.ShouldBeEmpty();
        form.Find("input[data-testid=meeting-title]").GetAttribute("value").ShouldBe("Yhteistapaaminen");
    }

    private IRenderedComponent<MeetingForm> RenderForm()
    {
        RenderPopoverProvider();
        return Render<MeetingForm>(p => p
            .Add(f => f.Organisations, [South, Helsinki])
            .Add(f => f.OwnOrganisationId, South.Id)
            .Add(f => f.Saved, (Guid _) => _saved++));
    }

    private async Task FillAsync(IRenderedComponent<MeetingForm> form, string minutes)
    {
        await form.Find("input[data-testid=meeting-date]").ChangeAsync(new ChangeEventArgs { Value = "1.12.2026" });
        await form.Find("input[data-testid=meeting-time]").ChangeAsync(new ChangeEventArgs { Value = "13.30" });
        await ChooseAsync(form, "meeting-type", "Asiakasraati");
        await form.Find("[data-testid=meeting-participant-choice]").ChangeAsync(new ChangeEventArgs { Value = "0" });
        await form.Find("[data-testid=meeting-participant-add]").ClickAsync(new());
        await form.Find("input[data-testid=meeting-title]").ChangeAsync(new ChangeEventArgs { Value = "Yhteistapaaminen" });
        await form.Find("textarea[data-testid=meeting-agenda]").ChangeAsync(new ChangeEventArgs { Value = "1. Kokemukset" });
        await form.Find("textarea[data-testid=meeting-minutes]").ChangeAsync(new ChangeEventArgs { Value = minutes });
        await form.Find("textarea[data-testid=meeting-decisions]").ChangeAsync(new ChangeEventArgs { Value = "Ohje päivitetään" });
    }

    private static void AssertKept(IRenderedComponent<MeetingForm> form, string minutes)
    {
        form.Find("input[data-testid=meeting-date]").GetAttribute("value").ShouldBe("1.12.2026");
        form.Find("input[data-testid=meeting-time]").GetAttribute("value").ShouldBe("13.30");
        form.Find("input[data-testid=meeting-title]").GetAttribute("value").ShouldBe("Yhteistapaaminen");
        form.Find("textarea[data-testid=meeting-agenda]").TextContent.ShouldBe("1. Kokemukset");
        form.Find("textarea[data-testid=meeting-minutes]").TextContent.ShouldBe(minutes);
        form.Find("textarea[data-testid=meeting-decisions]").TextContent.ShouldBe("Ohje päivitetään");
        form.FindAll("[data-testid=meeting-participant]").Select(p => p.GetAttribute("data-id")).ShouldBe([South.Id.ToString(), Helsinki.Id.ToString()]);
    }
}
