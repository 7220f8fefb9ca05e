namespace Prescriber.Web;

/// <summary>
/// Headers every response carries. Patient links carry their token in the path, so no page may
/// leak its address to another site (Referrer-Policy), and no page may be framed.
/// </summary>
internal static class SecurityHeaders
{
    // Compromise: Blazor's import map and MudBlazor's styles are inline, so scripts and styles allow
    // 'unsafe-inline'; everything else is this origin only, no eval, no plugins, no framing.
    private const string Policy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
