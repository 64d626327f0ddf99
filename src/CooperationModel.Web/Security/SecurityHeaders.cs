using System.Security.Cryptography;

namespace CooperationModel.Web.Security;

/// <summary>
/// Security headers on every response: a content security policy with a fresh nonce per request, nosniff,
/// no framing, no referrer and no powerful browser features. HSTS stays with <c>UseHsts</c> (outside development).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "CooperationModel.CspNonce";

    /// <summary>The nonce of this request's policy; inline scripts the app renders itself (the import map) carry it.</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders has not run for this request.");

    /// <summary>The policy for one nonce. Public so that the tests and docs can state it.</summary>
    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        // blazor.web.js, MudBlazor's script and the JS modules are files of our own; the only inline script is the import map.
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor writes inline styles (style attributes and a few <style> blocks, e.g. for popovers and the theme),
        // so inline styles must be allowed; scripts stay strict, which is where the risk is.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        // The Interactive Server circuit: 'self' covers ws(s):// to the same host.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex: a valid CSP nonce that no HTML or URL encoding changes on its way into the page.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set when the response starts: the exception handler clears headers, a re-executed status page keeps the Items.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
