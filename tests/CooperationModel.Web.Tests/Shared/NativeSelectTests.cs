using Bunit;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CooperationModel.Web.Tests.Shared;

/// <summary>The list filters' native select: its label, its options, and what choosing one gives the page.</summary>
public sealed class NativeSelectTests : ComponentTestContext
{
    private static readonly IReadOnlyList<ReferralStatus?> Statuses = [ReferralStatus.Sent, ReferralStatus.Received, ReferralStatus.Completed];

    private ReferralStatus? _chosen = ReferralStatus.Accepted;

    private IRenderedComponent<NativeSelect<ReferralStatus?>> RenderSelect(ReferralStatus? value, string? emptyText = "Kaikki") =>
        Render<NativeSelect<ReferralStatus?>>(parameters => parameters
            .Add(s => s.Label, "Tila")
            .Add(s => s.Items, Statuses)
            .Add(s => s.ItemText, status => $"tila {status}")
            .Add(s => s.Value, value)
            .Add(s => s.ValueChanged, EventCallback.Factory.Create<ReferralStatus?>(this, status => _chosen = status))
            .Add(s => s.EmptyText, emptyText)
            .AddUnmatched("data-testid", "status-filter"));

    [Fact]
    public void Select_IsNamedByItsLabel_AndListsTheEmptyChoiceFirst()
    {
        var cut = RenderSelect(null);

        var select = cut.Find("select[data-testid=status-filter]");
        cut.Find("label").GetAttribute("for").ShouldBe(select.Id);
        select.QuerySelectorAll("option").Select(o => (o.GetAttribute("value"), o.TextContent))
            .ShouldBe([("", "Kaikki"), ("0", "tila Sent"), ("1", "tila Received"), ("2", "tila Completed")]);
        select.GetAttribute("value").ShouldBe("");
    }

    [Fact]
    public void Select_ShowsTheValue()
    {
        var cut = RenderSelect(ReferralStatus.Completed);

        cut.Find("select").GetAttribute("value").ShouldBe("2");
    }

    [Fact]
    public void Select_WithoutEmptyText_HasOnlyTheItems()
    {
        var cut = RenderSelect(ReferralStatus.Sent, emptyText: null);

        cut.FindAll("option").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Change_ChoosesTheItem_AndTheEmptyOptionChoosesNone()
    {
        var cut = RenderSelect(null);

        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "1" });
        _chosen.ShouldBe(ReferralStatus.Received);

        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "" });
        _chosen.ShouldBeNull();
    }

    [Fact]
    public async Task Change_ToAValueNotInTheList_ChoosesNone()
    {
        var cut = RenderSelect(ReferralStatus.Sent);

        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "7" });

        _chosen.ShouldBeNull();
    }
}
