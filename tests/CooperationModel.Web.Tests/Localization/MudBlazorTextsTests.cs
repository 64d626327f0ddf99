using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CooperationModel.Web.Tests.Localization;

/// <summary>MudBlazor's own texts (pager, date picker, "required", conversion errors) come from the app's strings in every language.</summary>
public sealed partial class MudBlazorTextsTests : ComponentTestContext
{
    /// <summary>
    /// MudBlazor components the app does not use, with the prefixes of their text keys: their texts need no translation.
    /// A component used in the app must leave this list (the test below fails), and its texts then need translating.
    /// </summary>
    private static readonly (string KeyPrefix, string Component)[] Unused =
    [
        ("MudDataGrid_", "MudDataGrid"),
        ("MudDataGridPager_", "MudDataGrid"),
        ("MudColorPicker_", "MudColorPicker"),
        ("HeatMap_", "MudChart"),
        ("MudCarousel_", "MudCarousel"),
        ("MudRating_", "MudRating"),
        ("MudRatingItem_", "MudRating"),
        ("MudStepper_", "MudStepper"),
        ("MudTreeView_", "MudTreeView"),
        ("MudPagination_", "MudPagination"),
        ("MudNavGroup_", "MudNavGroup"),
        ("MudExitPrompt_", "MudExitPrompt"),
        ("MudSplitPanel_", "MudSplitPanel"),
        ("MudBreadcrumbs_", "MudBreadcrumbs"),
        ("MudPageContentNavigation_", "MudPageContentNavigation"),
        ("MudTimePicker_", "MudTimePicker"),
        ("MudDateRangePicker_", "MudDateRangePicker"),
        ("MudRangeInput_", "MudDateRangePicker"),
    ];

    public static TheoryData<string> Cultures => new() { "fi", "sv", "en" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryMudBlazorTextTheAppCanShow_IsTranslated(string culture)
    {
        UseCulture(culture);
        var texts = Services.GetRequiredService<MudLocalizer>();

        var shown = MudBlazorKeys().Where(key => !Unused.Any(unused => key.StartsWith(unused.KeyPrefix, StringComparison.Ordinal))).ToList();

        shown.Count.ShouldBeGreaterThan(40);
        shown.Where(key => texts[key].ResourceNotFound).ShouldBeEmpty();
    }

    [Fact]
    public void ComponentsWhoseTextsAreNotTranslated_AreNotUsed()
    {
        var markup = Directory.GetFiles(Path.Combine(Repository.WebProject(), "Components"), "*.razor", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToList();

        var used = Unused.Select(u => u.Component).Distinct()
            .Where(component => markup.Any(text => Regex.IsMatch(text, $"<{component}[\\s/>]")))
            .ToList();

        used.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fi", "Seuraava sivu", "Pakollinen tieto.", "Kirjoita luku numeroin.")]
    [InlineData("sv", "Nästa sida", "Obligatorisk uppgift.", "Skriv ett tal med siffror.")]
    [InlineData("en", "Next page", "Required.", "Enter a number in digits.")]
    public void Components_GetTheAppsTexts_InEveryLanguageEnglishToo(string culture, string nextPage, string required, string notANumber)
    {
        UseCulture(culture);
        var components = Services.GetRequiredService<ILocalizationInterceptor>();

        new[] { "MudTablePager_NextPage", "MudFormComponent_Required", "Converter_InvalidNumber" }.Select(key => components.Handle(key).Value)
            .ShouldBe([nextPage, required, notANumber]);
    }

    [Fact]
    public void RequiredField_TouchedAndLeftEmpty_SaysSoInFinnish()
    {
        var field = Render<MudTextField<string>>(parameters => parameters.Add(p => p.Required, true).Add(p => p.Label, "Henkilötunnus"));

        field.Find("input").Blur();

        field.WaitForAssertion(() => field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim().ShouldBe("Pakollinen tieto."));
    }

    /// <summary>Every text key MudBlazor has: the names in its built-in (English) resources.</summary>
    private static List<string> MudBlazorKeys()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("MudBlazor's texts were not found.");
        return resources.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToList();
    }
}
