using Bunit;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Web.Components.Pages.Cases.Parts;

namespace CooperationModel.Web.Tests.Cases;

/// <summary>The concern screen's suggestions on the case page: offered once, then shown as acted on.</summary>
public sealed class SuggestionsTests : ComponentTestContext
{
    private static readonly ConcernSuggestion Eviction = new(ReferralGround.ObviousNeedForSocialCare, [ConcernReason.EvictionThreat]);

    [Fact]
    public void Render_NotActedOn_OffersTheReferral()
    {
        var suggestions = Render<Suggestions>(p => p.Add(s => s.Items, [Eviction]));

        suggestions.Find($"[data-testid=accept-suggestion-{Eviction.Ground}]").TextContent.Trim().ShouldBe("Tee ilmoitus");
        suggestions.FindAll($"[data-testid=suggestion-acted-on-{Eviction.Ground}]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_ReferralSentForIt_SaysSoWithALinkAndOffersNoRepeat()
    {
        var sentAt = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
        var referral = new CaseReferral(Guid.NewGuid(), Eviction.Ground, true, ReferralStatus.Sent, sentAt, "Eeva Etelä", Guid.NewGuid(), null, null);

        var suggestions = Render<Suggestions>(p => p
            .Add(s => s.Items, [Eviction])
            .Add(s => s.ActedOn, new Dictionary<ReferralGround, CaseReferral> { [Eviction.Ground] = referral }));

        var link = suggestions.Find($"[data-testid=suggestion-acted-on-{Eviction.Ground}] a");
        link.GetAttribute("href").ShouldBe($"referrals/{referral.Id}");
        link.TextContent.ShouldBe("Ilmoitus lähetetty 2.3.2026 11:15");
        suggestions.FindAll($"[data-testid=accept-suggestion-{Eviction.Ground}]").ShouldBeEmpty();
    }
}
