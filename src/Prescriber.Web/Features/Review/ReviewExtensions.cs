namespace Prescriber.Web.Features.Review;

public static class ReviewExtensions
{
    /// <summary>Adherence, flags, the worklist, exports and the audit trail: the clinician's review.</summary>
    public static WebApplicationBuilder AddReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<FlagRaiser>();
        builder.Services.AddScoped<FlagAlerts>();
        builder.Services.AddScoped<FlagService>();
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddScoped<AuditService>();
        builder.Services.AddScoped<SilenceFlagJob>();
        builder.Services.AddScoped<FlagCheckJob>();
        builder.Services.AddSingleton<FlagCheckSignal>();

        // Read here: whether the worker exists is decided while services are added. It runs with
        // the jobs (tests turn both off and drain the queue themselves); Jobs:FlagCheckWorker can
        // run it alone, as the logging benchmark does, so the rules' work is in what it measures.
        if (builder.Configuration.GetValue("Jobs:FlagCheckWorker", builder.Configuration.GetValue("Jobs:Enabled", true)))
        {
            builder.Services.AddHostedService<FlagCheckWorker>();
        }

        return builder;
    }
}
