using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CooperationModel.Web.Services;

/// <summary>
/// MudBlazor's own texts (the pager's buttons, the date picker, "required", a number or date it cannot read) in the
/// user's language, from the app's strings: MudBlazor's key with the prefix <see cref="Prefix"/>
/// (<c>MudBlazor.MudTablePager_NextPage</c>). A key the strings lack falls back to MudBlazor's English; the strings
/// test fails on any key of a component the app uses.
/// </summary>
public sealed class MudBlazorTexts(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public const string Prefix = "MudBlazor.";

    public override LocalizedString this[string key] => Named(key, localizer[Prefix + key]);

    public override LocalizedString this[string key, params object[] arguments] => Named(key, localizer[Prefix + key, arguments]);

    private static LocalizedString Named(string key, LocalizedString text) => new(key, text.Value, text.ResourceNotFound);
}
