using System.Globalization;
using CooperationModel.Application.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Web.Components.Shared;
using CooperationModel.Web.Endpoints;
using CooperationModel.Web.Security;
using CooperationModel.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Serilog.Context;

namespace CooperationModel.Web;

/// <summary>Names of the authorization policies; each role's pages require its policy.</summary>
public static class Policies
{
    public const string KelaHandler = nameof(UserRole.KelaHandler);
    public const string SocialWorker = nameof(UserRole.SocialWorker);
    public const string Coordinator = nameof(UserRole.Coordinator);
    public const string OrganisationAdmin = nameof(UserRole.OrganisationAdmin);

    /// <summary>Works referrals that reached the organisation: social workers and the partners social services forwards to.</summary>
    public const string Receiver = "Receiver";

    /// <summary>Works with clients (<see cref="UserRoles.WorksWithClients"/>): the only roles that reach a client's data.</summary>
    public const string ClientWork = "ClientWork";
}

public static class WebServices
{
    /// <summary>Finnish is the default; Swedish and English follow.</summary>
    public static readonly string[] Cultures = ["fi", "sv", "en"];

    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
        // The circuit must carry the longest text a field lets through (the default, 32 KB, is less): a larger message
        // drops the connection, and the value never reaches the server.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = FieldLimits.CircuitMessageBytes);
        // Snackbars at full opacity: the default 95 % washes the theme's colours below WCAG AA contrast.
        services.AddMudServices(options => options.SnackbarConfiguration.MaximumOpacity = 100);
        services.AddMudBlazorTexts();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddProblemDetails();
        services.AddBindingFailureAnswers();
        services.AddHttpContextAccessor();

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("fi");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new NationalLanguageCultureProvider()];
        });

        services.AddCascadingAuthenticationState();
        // Open circuits recheck their session (SessionValidation); requests are checked by the cookie's event below.
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "cm.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // An API caller gets a status code, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            // Every request's session against the account in PostgreSQL, so that sign-out ends a copied cookie too.
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });

        AddIdleSessionTimeout(services);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.KelaHandler, p => p.RequireRole(nameof(UserRole.KelaHandler)))
            .AddPolicy(Policies.SocialWorker, p => p.RequireRole(nameof(UserRole.SocialWorker)))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(nameof(UserRole.Coordinator)))
            .AddPolicy(Policies.OrganisationAdmin, p => p.RequireRole(nameof(UserRole.OrganisationAdmin)))
            .AddPolicy(Policies.Receiver, p => p.RequireRole(
                [.. Enum.GetValues<UserRole>().Where(role => role.Receives()).Select(role => role.ToString())]))
            .AddPolicy(Policies.ClientWork, p => p.RequireRole(
                [.. Enum.GetValues<UserRole>().Where(role => role.WorksWithClients()).Select(role => role.ToString())]));

        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddSingleton<INotificationMailText, NotificationMailText>();
        return services;
    }

    /// <summary>
    /// MudBlazor's own texts from the app's strings in every language, English included (by default MudBlazor shows its
    /// built-in English whenever the interface is in English); a key the strings lack falls back to that English.
    /// </summary>
    public static IServiceCollection AddMudBlazorTexts(this IServiceCollection services)
    {
        services.AddTransient<MudLocalizer, MudBlazorTexts>();
        return services.AddLocalizationInterceptor(provider => new DefaultLocalizationInterceptor(
            provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<MudLocalizer>()) { IgnoreDefaultEnglish = true });
    }

    /// <summary>
    /// The idle session timeout (section "Session"): the auth cookie slides and expires after IdleTimeout without requests;
    /// the layout's IdleTimeout component covers the interactive circuit, which makes no requests.
    /// </summary>
    private static void AddIdleSessionTimeout(IServiceCollection services)
    {
        services.AddOptions<IdleSessionOptions>()
            .BindConfiguration(IdleSessionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<IdleSessionOptions>>((cookie, session) =>
            {
                cookie.ExpireTimeSpan = session.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
            });
    }

    /// <summary>Sets the current user of each HTTP request, and puts tenant and user ids (never names) into the log context.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.RequestServices.GetRequiredService<PrincipalUser>();
            user.Set(context.User);
            using (LogContext.PushProperty("TenantId", user.OrganisationId))
            using (LogContext.PushProperty("UserId", user.UserId))
            {
                await next(context);
            }
        });

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
