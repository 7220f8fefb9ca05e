using Microsoft.AspNetCore.Http.HttpResults;
using Prescriber.Core.Clinics;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Programs;

public static class ProgramEndpoints
{
    public static IEndpointRouteBuilder MapProgramApi(this IEndpointRouteBuilder app)
    {
        var programs = app.MapGroup("/api/programs")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Clinician))
            .WithTags("Programs");

        programs.MapGet("/{id:guid}", async Task<Results<Ok<ExerciseProgram>, NotFound>> (Guid id, ProgramService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } program ? TypedResults.Ok(program) : TypedResults.NotFound());

        programs.MapPut("/{id:guid}", async (Guid id, ProgramDraft draft, ProgramService service, CancellationToken ct) =>
            (await service.AdjustAsync(id, draft, ct)).ToHttp());

        programs.MapGet("/{id:guid}/changes", async (Guid id, int from, int to, ProgramService service, CancellationToken ct) =>
            (await service.CompareAsync(id, from, to, ct)).ToHttp());

        programs.MapPost("/{id:guid}/pause", async (Guid id, string? reason, ProgramService service, CancellationToken ct) =>
            (await service.PauseAsync(id, reason, ct)).ToHttp());

        programs.MapPost("/{id:guid}/resume", async (Guid id, ProgramService service, CancellationToken ct) =>
            (await service.ResumeAsync(id, ct)).ToHttp());

        programs.MapPost("/{id:guid}/end", async (Guid id, ProgramService service, CancellationToken ct) =>
            (await service.EndAsync(id, ct)).ToHttp());

        var templates = app.MapGroup("/api/templates")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Clinician))
            .WithTags("Templates");

        templates.MapGet("/", async (TemplateService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));

        templates.MapPost("/", async (NewTemplate body, TemplateService service, CancellationToken ct) =>
            (await service.CreateAsync(body.Name, body.Program, ct)).ToHttp(t => $"/api/templates/{t.Id}"));

        templates.MapPut("/{id:guid}", async (Guid id, TemplateName body, TemplateService service, CancellationToken ct) =>
            (await service.RenameAsync(id, body.Name, ct)).ToHttp());

        templates.MapDelete("/{id:guid}", async (Guid id, TemplateService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttp(body: _ => null));

        templates.MapGet("/{id:guid}/draft", async (Guid id, DateOnly? startDate, TemplateService service, TimeProvider time, CancellationToken ct) =>
            (await service.ToDraftAsync(id, startDate ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct)).ToHttp());

        return app;
    }

    public sealed record NewTemplate(string Name, ProgramDraft Program);

    public sealed record TemplateName(string Name);
}
