using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// Limits on the doors a stranger can knock on: patient links, the logging API and sign-in.
/// Per client address, generous for a real patient (a few posts a day), tight for a script.
/// </summary>
public static class PatientRateLimits
{
    public const string Policy = "patient-doors";

    public static IServiceCollection AddPatientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:PatientRequestsPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
