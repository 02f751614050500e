using System.Security.Cryptography;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Response headers that make the browser refuse what the portal never does: run a script it did not serve, be framed
/// by another site, sniff a download into HTML, leak the page address to other sites.
/// </summary>
/// <remarks>
/// Scripts: only files from the app, plus the one inline import map that Blazor renders, allowed by a per-request nonce.
/// Styles: files from the app, and inline style attributes and the theme's style element, which MudBlazor writes
/// (its theme provider renders a &lt;style&gt; block and its components set style attributes); style injection cannot
/// run code. The Blazor websocket is same-origin, which 'self' covers. See docs/decisions/0005-content-security-policy.md.
/// </remarks>
public static class SecurityHeaders
{
    private const string NonceKey = "expo:csp-nonce";

    /// <summary>The nonce of this response's Content-Security-Policy, for the inline import map.</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items.TryGetValue(NonceKey, out var nonce) && nonce is string value ? value : string.Empty;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'",
                $"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // A check-in desk may scan QR codes with the camera; nothing asks for location or the microphone.
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
