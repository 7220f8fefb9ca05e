using Microsoft.AspNetCore.Http.HttpResults;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Programs;

namespace Prescriber.Web.Features.Patients;

public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Clinician))
            .WithTags("Patients");

        group.MapGet("/", async (string? text, int? skip, int? take, PatientService patients, CancellationToken ct) =>
            TypedResults.Ok(await patients.SearchAsync(text, skip ?? 0, take ?? 50, ct)));

        group.MapGet("/{id:guid}", async Task<Results<Ok<Patient>, NotFound>> (Guid id, PatientService patients, CancellationToken ct) =>
            await patients.FindAsync(id, ct) is { } patient ? TypedResults.Ok(patient) : TypedResults.NotFound());

        group.MapPost("/", async (PatientDraft draft, PatientService patients, CancellationToken ct) =>
            (await patients.CreateAsync(draft, ct)).ToHttp(p => $"/api/patients/{p.Id}"));

        group.MapPut("/{id:guid}", async (Guid id, PatientDraft draft, PatientService patients, CancellationToken ct) =>
            (await patients.UpdateAsync(id, draft, ct)).ToHttp());

        group.MapPost("/{id:guid}/invitations", async (Guid id, PatientService patients, CancellationToken ct) =>
            (await patients.InviteAsync(id, ct)).ToHttp(_ => $"/api/patients/{id}", i => new { link = i.Link, i.ExpiresAt }));

        group.MapGet("/{id:guid}/programs", async Task<Results<Ok<IReadOnlyList<ExerciseProgram>>, NotFound>> (Guid id, PatientService patients, ProgramService programs, CancellationToken ct) =>
            await patients.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await programs.ListForPatientAsync(id, ct)));

        group.MapPost("/{id:guid}/programs", async (Guid id, ProgramDraft draft, ProgramService programs, CancellationToken ct) =>
            (await programs.AssignAsync(id, draft, ct)).ToHttp(p => $"/api/programs/{p.Id}"));

        return app;
    }
}
