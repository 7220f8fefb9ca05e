using Prescriber.Web.Features.Patients;

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
        return builder;
    }

    public static WebApplication MapPrograms(this WebApplication app)
    {
        app.MapPatientApi();
        app.MapProgramApi();
        return app;
    }
}
