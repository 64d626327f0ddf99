using CooperationModel.Application.Agreements;
using CooperationModel.Domain.Agreements;
using CooperationModel.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CooperationModel.Web.Components.Pages.Agreements;

/// <summary>How an agreement's parts are shown on its pages.</summary>
public static class AgreementText
{
    /// <summary>The validity: "1.3.2026 – 31.12.2026", or from the first day on for an open-ended one.</summary>
    public static string Validity(IStringLocalizer L, DateOnly from, DateOnly? until) =>
        until is { } last ? $"{Display.Date(from)} – {Display.Date(last)}" : L["Agreement.OpenEnded", Display.Date(from)];

    /// <summary>The two parties, district first.</summary>
    public static string Parties(AgreementRow row) => $"{Display.Name(row.KelaDistrict)} – {Display.Name(row.Organiser)}";

    /// <summary>The state as a chip (a word with its colour, never the colour alone), markup only for the list's rows.</summary>
    public static RenderFragment StateChip(IStringLocalizer L, AgreementState state) =>
        ChipMarkup.Of(
            state switch
            {
                AgreementState.Upcoming => "info",
                AgreementState.InForce => "success",
                AgreementState.EndingSoon => "warning",
                _ => "dark",
            },
            L[$"AgreementState.{state}"],
            "agreement-state",
            state == AgreementState.EndingSoon ? Icons.Material.Filled.Schedule : null,
            dataStatus: state.ToString());
}
