using System.Collections.Concurrent;
using System.Net;
using CooperationModel.Web.Endpoints;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CooperationModel.IntegrationTests.Api;

/// <summary>
/// A value the framework cannot bind to a typed parameter (the app's own endpoints read their query values as text, so
/// this is for the next endpoint that does not): <see cref="BindingFailures"/> answers the same localised 400 problem
/// details in every environment, and the value reaches no log, at any level.
/// </summary>
public sealed class BindingFailureTests
{
    private const string IdentityCode = "131052-308T";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task TypedParameter_MalformedValue_LocalisedProblemAndNoValueInTheLog(string environment)
    {
        var log = new CapturingLoggerProvider();
        await using var app = await StartAsync(environment, log);

        var response = await app.GetTestClient().SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/typed?mine={IdentityCode}") { Headers = { { "Accept-Language", "sv" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.CacheControl?.NoStore.ShouldBe(true);
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("title").GetString().ShouldBe("Begäran är ogiltig.");
        json.RootElement.GetProperty("code").GetString().ShouldBe("Api.InvalidRequest");

        log.Entries.ShouldNotContain(e => e.Level >= LogLevel.Warning, string.Join("\n", log.Entries));
        log.Entries.ShouldNotContain(e => e.Text.Contains(IdentityCode), string.Join("\n", log.Entries));
        log.Entries.ShouldContain(e => e.Text.Contains("Request not bound") && e.Text.Contains("mine"), "the failure is logged, by parameter");
    }

    [Fact]
    public void Scrub_FrameworkMessages_KeepTheParameterNotTheValue()
    {
        BindingFailures.Scrub($"Failed to bind parameter \"bool? mine\" from \"{IdentityCode}\".")
            .ShouldBe("Failed to bind parameter \"bool? mine\" from \"…\".");
        BindingFailures.Scrub("Required parameter \"int page\" was not provided from query string.")
            .ShouldBe("Required parameter \"int page\" was not provided from query string.");
    }

    [Theory]
    [InlineData("/api/referrals/131052-308T", "/api/…/…")]
    [InlineData("/referrals/0197a3c4-1111-7aaa-8bbb-123456789abc/attachments/Matti%20Meikäläinen", "/referrals/0197a3c4-1111-7aaa-8bbb-123456789abc/…/…")]
    [InlineData("/131052-308T", "/…")]
    [InlineData("/", "/")]
    public void ScrubPath_KeepsTheAreaAndIdsOnly(string path, string logged) => RequestLogScrubbing.Scrub(path).ShouldBe(logged);

    private static async Task<WebApplication> StartAsync(string environment, CapturingLoggerProvider log)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        // Hosting diagnostics log every URL with its query; the app holds them at Warning (Program.cs), and so does this host.
        builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Trace).AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddProblemDetails();
        builder.Services.AddBindingFailureAnswers();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions());
        app.UseRequestLocalization(options => options.SetDefaultCulture("fi").AddSupportedCultures("fi", "sv").AddSupportedUICultures("fi", "sv"));
        app.UseRouting();
        app.UseBindingFailureAnswers();
        app.MapGet("/typed", (bool? mine) => Results.Ok(mine));
        await app.StartAsync();
        return app;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, $"{category}: {formatter(state, exception)} {state} {exception}"));
        }
    }
}
