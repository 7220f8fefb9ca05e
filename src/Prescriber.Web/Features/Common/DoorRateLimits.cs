using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Prescriber.Web.Features.Common;

/// <summary>
/// Limits on the doors a stranger can knock on, per client address: the patient links and the
/// logging API (generous: a patient posts a few times a day), and every sign-in form (tight:
/// guessing passwords or spraying link requests should be slow). Lockout still guards each account.
/// </summary>
public static class DoorRateLimits
{
    public const string PatientPolicy = "patient-doors";

    private static readonly string[] SignInDoors = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ForgotPassword", "/signin-link", "/invite", "/setup"];

    public static IServiceCollection AddDoorRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var patientPerMinute = configuration.GetValue("RateLimits:PatientRequestsPerMinute", 60);
        var signInPerMinute = configuration.GetValue("RateLimits:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of its own, so the friendly status pages leave the 429 as it is.
            options.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many attempts from this address. Please wait a minute and try again.", cancellationToken));
            };
            options.AddPolicy(PatientPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                Address(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = patientPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Address(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("open"));
        });
        return services;
    }

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && SignInDoors.Any(door => context.Request.Path.StartsWithSegments(door, StringComparison.OrdinalIgnoreCase));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
