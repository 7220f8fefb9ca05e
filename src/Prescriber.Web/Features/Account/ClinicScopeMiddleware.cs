using Prescriber.Data.Clinics;

namespace Prescriber.Web.Features.Account;

internal static class ClinicScopeMiddleware
{
    /// <summary>Every HTTP request (pages, API, prerendering) sees only the signed-in user's clinic.</summary>
    public static IApplicationBuilder UseClinicScope(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<ClinicScope>().Enter(context.User.GetClinicId(), context.User.GetUserId());
            return next(context);
        });
}
