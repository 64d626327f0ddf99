using Bunit;
using CooperationModel.Application.Referrals.DeadlineSettings;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Settings;

/// <summary>The deadline settings page: a row per ground, saved one at a time or all together, errors at their row.</summary>
public sealed class DeadlinesPageTests : ComponentTestContext
{
    private readonly FakeDeadlineSettings _settings = new();

    public DeadlinesPageTests() => Services.AddSingleton<IDeadlineSettingsHandler>(_settings);

    [Fact]
    public void Render_Organiser_ARowPerGroundAndTheUrgentRule()
    {
        var page = Render<Deadlines>();

        page.FindAll("[data-testid=deadline-row]").Count.ShouldBe(ReferralGrounds.All.Count);
        page.Find("[data-testid=deadlines-urgent-note]").TextContent.ShouldContain("samana arkipäivänä");
        page.Find($"input[data-testid=deadline-days-{ReferralGround.BasicAmountReduced}]").GetAttribute("value").ShouldBe("3");
        page.Find($"input[data-testid=deadline-days-{ReferralGround.BasicAmountReduced}]").GetAttribute("aria-label")
            .ShouldBe("Arkipäivää: Perusosan alentaminen tai toimenpiteestä kieltäytyminen");
    }

    [Fact]
    public void SaveRow_OutOfRange_MessageAtTheRowAndTheTypedValueStays()
    {
        _settings.Answer = Result.Failure(ReferralDeadlineSetting.Errors.OutOfRange with { Field = nameof(ReferralGround.ImmigrantOverTwoMonths) });
        var page = Render<Deadlines>();
        var days = $"deadline-days-{ReferralGround.ImmigrantOverTwoMonths}";
        page.Find($"input[data-testid={days}]").Change("75");

        page.Find($"button[data-testid=deadline-save-{ReferralGround.ImmigrantOverTwoMonths}]").Click();

        page.WaitForAssertion(() => ErrorTextOf(page, days).ShouldBe("Määräajan on oltava 0–60 arkipäivää (0 = samana päivänä)."));
        page.Find($"input[data-testid={days}]").GetAttribute("value").ShouldBe("75");
        _settings.Calls.ShouldHaveSingleItem().ShouldBe([new SetDeadlineCommand(ReferralGround.ImmigrantOverTwoMonths, 75)]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e5")]
    public void SaveRow_NotAWholeNumber_SaysSoKeepsTheTextAndSendsNothing(string typed)
    {
        // The field once cleared what it could not read, and MudBlazor said "Not a valid number" in English.
        var page = Render<Deadlines>();
        var days = $"deadline-days-{ReferralGround.ImmigrantOverTwoMonths}";
        page.Find($"input[data-testid={days}]").Change(typed);

        page.Find($"button[data-testid=deadline-save-{ReferralGround.ImmigrantOverTwoMonths}]").Click();

        page.WaitForAssertion(() => ErrorTextOf(page, days).ShouldBe("Kirjoita kokonaisluku numeroin, esim. 12."));
        page.Find($"input[data-testid={days}]").GetAttribute("value").ShouldBe(typed);
        _settings.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void SaveAll_SendsEveryRowInOneCall()
    {
        var page = Render<Deadlines>();
        page.Find($"input[data-testid=deadline-days-{ReferralGround.ObviousNeedForSocialCare}]").Change("0");

        page.Find("button[data-testid=deadlines-save-all]").Click();

        page.WaitForAssertion(() => _settings.Calls.ShouldHaveSingleItem().Count.ShouldBe(ReferralGrounds.All.Count));
        _settings.Calls[0].ShouldContain(new SetDeadlineCommand(ReferralGround.ObviousNeedForSocialCare, 0));
        page.FindAll("[data-testid=deadline-source]").ShouldAllBe(chip => chip.TextContent.Trim() == "Oma asetus");
    }

    [Fact]
    public void Render_NotAnOrganiser_ExplainsAndShowsNoRows()
    {
        _settings.Rows = Result<IReadOnlyList<DeadlineSettingRow>>.Failure(DeadlineSettingsHandler.NotAnOrganiser);

        var page = Render<Deadlines>();

        page.Find("[data-testid=deadlines-not-organiser]").TextContent.ShouldContain("Organisaatiosi ei vastaanota ilmoituksia");
        page.FindAll("[data-testid=deadline-row]").ShouldBeEmpty();
    }

    private sealed class FakeDeadlineSettings : IDeadlineSettingsHandler
    {
        public Result<IReadOnlyList<DeadlineSettingRow>> Rows { get; set; } = ReferralGrounds.All
            .Select(g => g == ReferralGround.BasicAmountReduced
                ? new DeadlineSettingRow(g, 3, IsDefault: false)
                : new DeadlineSettingRow(g, ReferralDeadlinePolicy.DefaultWorkingDays, IsDefault: true))
            .ToList();

        public Result? Answer { get; set; }

        public List<IReadOnlyList<SetDeadlineCommand>> Calls { get; } = [];

        public Task<Result<IReadOnlyList<DeadlineSettingRow>>> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Rows);

        public Task<Result> SetAsync(IReadOnlyList<SetDeadlineCommand> commands, CancellationToken cancellationToken = default)
        {
            Calls.Add(commands);
            return Task.FromResult(Answer ?? Result.Success());
        }
    }
}
