using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox, its dispatcher and the transports; email rendering.</summary>
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
        return builder;
    }
}
