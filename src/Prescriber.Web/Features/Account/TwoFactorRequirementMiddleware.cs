namespace Prescriber.Web.Features.Account;

internal static class TwoFactorRequirementMiddleware
{
    /// <summary>
    /// Sends a clinician whose clinic requires two-factor sign-in, and who has no authenticator yet,
    /// to set one up; the API answers 403 instead. Static files and the setup pages stay open.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.Identity?.IsAuthenticated == true
                && !TwoFactorRequirement.IsSetupPath(path)
                && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content")
                && !Path.HasExtension(path.Value)
                && await context.RequestServices.GetRequiredService<TwoFactorRequirement>().IsSetupPendingAsync(context.User, context.RequestAborted))
            {
                if (path.StartsWithSegments("/api"))
                {
                    await Results.Problem(
                        "Your clinic requires two-factor sign-in. Set up an authenticator app at /Account/Manage/EnableAuthenticator first.",
                        statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                    return;
                }

                context.Response.Redirect("/Account/Manage/EnableAuthenticator");
                return;
            }

            await next(context);
        });
}
