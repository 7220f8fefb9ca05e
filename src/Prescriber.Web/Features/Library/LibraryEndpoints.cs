using Microsoft.AspNetCore.Http.HttpResults;
using Prescriber.Core.Clinics;
using Prescriber.Core.Library;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Library;

/// <summary>The library over HTTP, for scripts and future apps. Same rules and clinic walls as the pages.</summary>
public static class LibraryEndpoints
{
    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library/exercises")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Clinician, Roles.Admin))
            .WithTags("Library");

        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<Exercise>>, ValidationProblem>> (string? text, string? position, string? kind, string? equipment, bool? includeRetired, ExerciseService service, CancellationToken ct) =>
        {
            // Enums come as the kebab-case words of the JSON ("lying-face-down"), which the
            // framework's query binding does not read; parse them here and name a bad one.
            var errors = new Dictionary<string, string[]>();
            var parsedPosition = ExerciseText.ParseQuery<ExercisePosition>(position, nameof(position), errors);
            var parsedKind = ExerciseText.ParseQuery<ExerciseKind>(kind, nameof(kind), errors);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            return TypedResults.Ok(await service.SearchAsync(new ExerciseFilter
            {
                Text = text,
                Position = parsedPosition,
                Kind = parsedKind,
                Equipment = equipment,
                IncludeRetired = includeRetired ?? false,
            }, ct));
        });

        group.MapGet("/{id:guid}", async Task<Results<Ok<Exercise>, NotFound>> (Guid id, ExerciseService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } exercise ? TypedResults.Ok(exercise) : TypedResults.NotFound());

        var write = group.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Clinician));

        write.MapPost("/", async (ExerciseDraft draft, ExerciseService service, CancellationToken ct) =>
            (await service.CreateAsync(draft, ct)).ToHttp(e => $"/api/library/exercises/{e.Id}"));

        write.MapPut("/{id:guid}", async (Guid id, ExerciseDraft draft, ExerciseService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, draft, ct)).ToHttp());

        write.MapPost("/{id:guid}/retire", async (Guid id, ExerciseService service, CancellationToken ct) =>
            (await service.SetStatusAsync(id, ExerciseStatus.Retired, ct)).ToHttp());

        write.MapPost("/{id:guid}/restore", async (Guid id, ExerciseService service, CancellationToken ct) =>
            (await service.SetStatusAsync(id, ExerciseStatus.Active, ct)).ToHttp());

        return app;
    }
}
