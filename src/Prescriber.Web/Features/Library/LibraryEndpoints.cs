using Microsoft.AspNetCore.Http.HttpResults;
using Prescriber.Core.Clinics;
using Prescriber.Core.Library;

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
            ToHttp(await service.CreateAsync(draft, ct), created: true));

        write.MapPut("/{id:guid}", async (Guid id, ExerciseDraft draft, ExerciseService service, CancellationToken ct) =>
            ToHttp(await service.UpdateAsync(id, draft, ct)));

        write.MapPost("/{id:guid}/retire", async (Guid id, ExerciseService service, CancellationToken ct) =>
            ToHttp(await service.SetStatusAsync(id, ExerciseStatus.Retired, ct)));

        write.MapPost("/{id:guid}/restore", async (Guid id, ExerciseService service, CancellationToken ct) =>
            ToHttp(await service.SetStatusAsync(id, ExerciseStatus.Active, ct)));

        return app;
    }

    private static IResult ToHttp(ExerciseSaveResult result, bool created = false) => result.Outcome switch
    {
        ExerciseSaveOutcome.Saved when created => TypedResults.Created($"/api/library/exercises/{result.Exercise!.Id}", result.Exercise),
        ExerciseSaveOutcome.Saved => TypedResults.Ok(result.Exercise),
        ExerciseSaveOutcome.Invalid => TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The exercise is not valid."),
        ExerciseSaveOutcome.NotFound => TypedResults.NotFound(),
        ExerciseSaveOutcome.ReadOnly => TypedResults.Problem(
            "Library exercises are shared by every clinic and cannot be edited; copy it as a custom exercise instead.",
            statusCode: StatusCodes.Status403Forbidden),
        ExerciseSaveOutcome.Conflict => TypedResults.Problem(
            "Someone saved this exercise after you opened it. Reload to see their changes, then apply yours again.",
            statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException($"Unknown outcome {result.Outcome}"),
    };
}
