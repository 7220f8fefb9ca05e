using System.Security.Claims;
using Prescriber.Core.Adherence;
using Prescriber.Core.Clinics;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// The review API and the exports. Another clinic's patient is 404 like an unknown one (the
/// query filter hides it); every patient read and every export is audited.
/// </summary>
public static class ReviewEndpoints
{
    public const string CsvType = "text/csv";
    public const string FhirType = "application/fhir+json";

    public static WebApplication MapReviewApi(this WebApplication app)
    {
        var review = app.MapGroup("/api/review")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Clinician))
            .WithTags("Review");

        // The clinic's own thresholds; a clinician changes them for the whole clinic, audited.
        review.MapGet("/flag-settings", async (Prescriber.Data.Clinics.ClinicScope scope, FlagService flags, CancellationToken ct) =>
            TypedResults.Ok(await flags.SettingsAsync(scope.ClinicId!.Value, ct)));
        review.MapPut("/flag-settings", async (Core.Flags.FlagSettings body, Prescriber.Data.Clinics.ClinicScope scope, FlagService flags, CancellationToken ct) =>
            (await flags.SaveSettingsAsync(scope.ClinicId!.Value, body, ct)).ToHttp());

        review.MapGet("/flags", async (bool? includeResolved, FlagService flags, CancellationToken ct) =>
            TypedResults.Ok(await flags.WorklistAsync(includeResolved ?? false, ct)));
        review.MapPost("/flags/{id:guid}/acknowledge", async (Guid id, FlagChange body, FlagService flags, CancellationToken ct) =>
            (await flags.AcknowledgeAsync(id, body.Comment, ct)).ToHttp());
        review.MapPost("/flags/{id:guid}/resolve", async (Guid id, FlagChange body, FlagService flags, CancellationToken ct) =>
            (await flags.ResolveAsync(id, body.Comment, ct)).ToHttp());

        review.MapGet("/patients", async ([AsParameters] MyPatientsQuery query, ReviewService service, CancellationToken ct) =>
        {
            var (rows, total) = await service.MyPatientsAsync(query with { PageSize = Math.Clamp(query.PageSize, 1, 200) }, ct);
            return TypedResults.Ok(new { items = rows, total });
        });

        review.MapGet("/patients/{id:guid}/sessions.csv", async (Guid id, ReviewService service, CancellationToken ct) =>
            await service.PatientAsync(id, "export.sessions-csv", ct) is { } r
                ? Results.Text(CsvExport.Sessions([(r.Patient, r.History)]), CsvType)
                : Results.NotFound());
        review.MapGet("/patients/{id:guid}/adherence.csv", async (Guid id, DateOnly? from, DateOnly? to, ReviewService service, CancellationToken ct) =>
            await service.PatientAsync(id, "export.adherence-csv", ct) is { } r
                ? Results.Text(CsvExport.Adherence([(r.Patient, r.History)], from ?? AdherenceWindow.Since(r.Today, AdherenceWindow.MonthDays), to ?? r.Today, service.Now), CsvType)
                : Results.NotFound());
        review.MapGet("/patients/{id:guid}/fhir", async (Guid id, ReviewService service, CancellationToken ct) =>
            await service.PatientAsync(id, "export.fhir", ct) is { } r
                ? Results.Text(FhirExport.Json(r), FhirType)
                : Results.NotFound());

        review.MapGet("/clinic/sessions.csv", async (ReviewService service, CancellationToken ct) =>
            Results.Text(CsvExport.Sessions(await service.ClinicAsync("export.clinic-sessions-csv", ct)), CsvType));
        review.MapGet("/clinic/adherence.csv", async (DateOnly? from, DateOnly? to, ReviewService service, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(service.Now.UtcDateTime);
            var patients = await service.ClinicAsync("export.clinic-adherence-csv", ct);
            return Results.Text(CsvExport.Adherence(patients, from ?? AdherenceWindow.Since(today, AdherenceWindow.MonthDays), to ?? today, service.Now), CsvType);
        });

        // A signed-in patient downloads their own record; nobody else's id can be named here.
        app.MapGet("/api/me/fhir", async (ClaimsPrincipal user, PatientAccess access, ReviewService service, CancellationToken ct) =>
            await access.ResolveAsync(user, null, ct) is { } grant && await service.PatientAsync(grant.Patient.Id, "export.fhir-own", ct) is { } r
                ? Results.Text(FhirExport.Json(r), FhirType)
                : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Patient));
        return app;
    }
}
