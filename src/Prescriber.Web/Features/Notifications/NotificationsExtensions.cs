using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox, its dispatcher and the transports; email rendering; plan emails, reminders and digests.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();

        services.AddSingleton<MailSessionFactory>();
        services.AddScoped<OutboxDispatchJob>();
        services.AddScoped<OutboxDispatchTrigger>();
        services.AddScoped<EmailRenderer>();
        services.AddScoped<OutboxAdminService>();

        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddScoped<PlanEmails>();
        services.AddScoped<ReminderEmails>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<ClinicianDigestJob>();
        return builder;
    }

    /// <summary>The patient's one-click way out of reminders.</summary>
    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapReminderOptOut();
        return app;
    }
}
