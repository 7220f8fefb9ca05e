namespace Prescriber.Web.Features.Review;

public static class ReviewExtensions
{
    /// <summary>Adherence, flags, the worklist, exports and the audit trail: the clinician's review.</summary>
    public static WebApplicationBuilder AddReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<FlagRaiser>();
        builder.Services.AddScoped<FlagService>();
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddScoped<AuditService>();
        builder.Services.AddScoped<SilenceFlagJob>();
        return builder;
    }
}
