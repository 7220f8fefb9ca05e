using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Features.Sessions;

namespace Prescriber.Web.Features.Programs;

public static class ProgramExtensions
{
    /// <summary>Patients, programs and templates: the clinician's arrow from library to patient.</summary>
    public static WebApplicationBuilder AddPrograms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatientService>();
        builder.Services.AddScoped<ProgramService>();
        builder.Services.AddScoped<TemplateService>();
        builder.Services.AddScoped<InvitationAcceptance>();
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<VersionCache>();
        builder.Services.AddSingleton<SessionIntake>();
        builder.Services.AddSingleton<PatientLookup>();
        builder.Services.AddScoped<PatientAccess>();
        builder.Services.AddScoped<ReminderPreferences>();
        builder.Services.AddScoped<HistoryService>();
        builder.Services.AddDoorRateLimits(builder.Configuration);
        return builder;
    }

    public static WebApplication MapPrograms(this WebApplication app)
    {
        app.MapPatientApi();
        app.MapProgramApi();
        app.MapSessionApi();
        return app;
    }
}
