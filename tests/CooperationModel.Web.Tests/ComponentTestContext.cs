using System.Globalization;
using Bunit;
using CooperationModel.Application;
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
        Services.AddApplicationServices();
        UseCulture("fi");
    }

    protected void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    /// <summary>Popovers (selects, menus) render only inside a provider. MudBlazor puts data-testid on the inner input.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalCulture;
        await DisposeAsync();
    }
}
