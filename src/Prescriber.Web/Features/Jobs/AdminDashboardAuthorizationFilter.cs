using Hangfire.Dashboard;
using Prescriber.Core.Clinics;

namespace Prescriber.Web.Features.Jobs;

/// <summary>
/// The Hangfire dashboard is for admins. Hangfire's default filter admits local requests only,
/// which is wrong behind a proxy and refuses everyone under TestServer. A refusal answers 401
/// without a sign-in and 403 for a signed-in non-admin (Hangfire decides which).
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
