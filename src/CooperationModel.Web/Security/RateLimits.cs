using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperationModel.Web.Security;

/// <summary>Rate limits, from the configuration section "RateLimits" (tests lower them).</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per client address and window; an office behind one address shares it.</summary>
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts per submitted user name and window (the account lockout counts failures on top).</summary>
    public int SignInPerUserName { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>JSON API calls per signed-in user (or per address when anonymous) and window.</summary>
    public int ApiPerUser { get; set; } = 120;

    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>One sign-in attempt: who sent it from where.</summary>
public sealed record SignInAttempt(string Address, string UserName);

/// <summary>
/// The sign-in form's limiter. The form is a static Blazor page, so the page asks this limiter itself and can answer
/// with a localised message that keeps the typed e-mail; the built-in partitioned limiters count the attempts.
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    public SignInRateLimiter(IOptions<RateLimitSettings> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter(attempt.Address, _ => Window(settings.SignInPerAddress, settings.SignInWindow))),
            PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter(attempt.UserName, _ => Window(settings.SignInPerUserName, settings.SignInWindow))));
    }

    /// <summary>Counts one attempt; false (and when to retry) once the address or the user name has used its window.</summary>
    public bool TryAcquire(HttpContext context, string userName, out TimeSpan? retryAfter)
    {
        var attempt = new SignInAttempt(RateLimits.ClientAddress(context), userName.Trim().ToUpperInvariant());
        using var lease = _limiter.AttemptAcquire(attempt);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    /// <summary>
    /// For a sign-in page: counts one attempt, and once over the limit answers 429 with Retry-After (the page then shows
    /// its localised message instead of trying the sign-in).
    /// </summary>
    public bool TryAcquireForPage(HttpContext context, string userName)
    {
        if (TryAcquire(context, userName, out var retryAfter))
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return false;
    }

    public void Dispose() => _limiter.Dispose();

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

public static class RateLimits
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section);
        services.AddSingleton<SignInRateLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApiPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var key = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId
                    ? "user:" + userId
                    : "address:" + ClientAddress(context);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => SignInRateLimiter.Window(settings.ApiPerUser, settings.ApiWindow));
            });
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Results.Problem(title: l["Api.TooManyRequests"], statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context);
            };
        });
        return services;
    }

    /// <summary>The caller's address (the test server has none: one shared partition).</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
}
