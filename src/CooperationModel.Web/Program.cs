using CooperationModel.Application;
using CooperationModel.Infrastructure;
using CooperationModel.Web;
using CooperationModel.Web.Components;
using CooperationModel.Web.Endpoints;
using CooperationModel.Web.Security;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    // A request's path is what the caller typed: scrubbed wherever the framework logs it (see RequestLogScrubbing).
    .Enrich.With(new RequestLogScrubbing())
    // Hosting diagnostics log every URL with its query string, and an inbox search carries a client's name or identity
    // code there. Held at Warning whatever the configuration says (set last, so it wins); the request log has no query.
    .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning));

builder.Services
    .AddApplicationServices()
    .AddInfrastructureServices(builder.Configuration)
    .AddWebServices();

// Security: rate limits on sign-in and the JSON API (section "RateLimits"); see docs/architecture.md.
builder.Services.AddRateLimits();

var app = builder.Build();

if (app.Configuration.GetValue<bool>("Database:ApplyMigrations"))
{
    await CooperationModel.Infrastructure.DependencyInjection.PrepareDatabaseAsync(app.Services, app.Configuration.GetValue<bool>("Database:SeedDemoData"));
}

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// Security headers (CSP with a per-request nonce, nosniff, no framing) on every response, errors included.
app.UseSecurityHeaders();

// Unexpected exceptions become a problem (API) or the error page; a request that cannot even be bound
// (a number that is not a number) is the caller's mistake: 400, never 500.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});

// Pages get a friendly not-found page; the API keeps its status codes and problem details.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRequestLocalization();

// Routing after the status code pages, so that a re-executed request (/not-found) is routed again.
app.UseRouting();
// The request log names the route matched, not the path sent (which may carry anything the caller typed).
app.UseSerilogRequestLogging(options => options.GetMessageTemplateProperties = RequestLogScrubbing.Properties);
// Inside the request log: a request that cannot be bound (a value not of its parameter's type, a malformed form) gets
// localised 400 problem details, and its raw value reaches no log (see BindingFailures).
app.UseBindingFailureAnswers();

app.UseAuthentication();
// Organisation admins must enrol for two-factor sign-in before anything else (see TwoFactorEnrolment).
app.UseTwoFactorEnrolment();
app.UseAuthorization();
app.UseCurrentUser();

// Rate limits after authentication: the API is limited per signed-in user.
app.UseRateLimiter();

app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapApiEndpoints();
app.MapAttachmentEndpoints();
app.MapAccessLogEndpoints();
app.MapSwotEndpoints();
// The load profile only (make load): the server's GC heap read from outside; absent unless LoadTest:Diagnostics is set.
app.MapLoadDiagnostics(app.Configuration, app.Environment);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
