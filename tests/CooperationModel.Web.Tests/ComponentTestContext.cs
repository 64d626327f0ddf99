using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using CooperationModel.Application;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CooperationModel.Web.Tests;

/// <summary>
/// bunit with MudBlazor as MudBlazor's own tests set it up, the app's real strings (Finnish by default)
/// and the app's real validators. Use-case handlers are replaced per test with fakes.
/// MudBlazor registers services that are only IAsyncDisposable, so disposal goes through IAsyncLifetime.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _originalCulture = CultureInfo.CurrentUICulture;

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddMudBlazorTexts();
        Services.AddApplicationServices();
        UseCulture("fi");
    }

    protected void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    /// <summary>The provider the last <see cref="RenderPopoverProvider"/> rendered: open selects list their items there.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>Popovers (selects, menus) render only inside a provider. MudBlazor puts data-testid on the inner input.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Popovers = Render<MudPopoverProvider>();

    /// <summary>Opens the select with this test id (MudSelect opens on mouse-down) and picks the item with this text.</summary>
    protected async Task ChooseAsync<TComponent>(IRenderedComponent<TComponent> cut, string testId, string text)
        where TComponent : IComponent
    {
        await FieldOf(cut, testId).MouseDownAsync(new());
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-popover-open div.mud-list-item").ShouldNotBeEmpty());
        await Popovers.FindAll(".mud-popover-open div.mud-list-item").Single(i => i.TextContent.Trim() == text).ClickAsync(new());
    }

    /// <summary>The whole field around a test id: its label, the input and the helper or error text under it.</summary>
    protected static IElement FieldOf<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : IComponent =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? throw new InvalidOperationException($"No field around {testId}.");

    /// <summary>The error text MudBlazor shows under a field, or null; a field with a counter shows the text beside it.</summary>
    protected static string? ErrorTextOf<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : IComponent =>
        FieldOf(cut, testId).QuerySelector(".mud-input-helper-text.mud-input-error") is { } helper
            ? (helper.QuerySelector(".me-auto") ?? helper).TextContent.Trim()
            : null;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalCulture;
        await DisposeAsync();
    }
}
