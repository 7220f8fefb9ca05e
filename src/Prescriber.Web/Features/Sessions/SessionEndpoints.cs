using System.Text.Json;
using Prescriber.Web.Features.Common;
using System.Text.Json.Serialization;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// The logging API for apps: the same rules and idempotency as the today page. Authenticated by
/// the patient's "today" link token (Authorization: Bearer &lt;token&gt;) or a patient's sign-in.
/// Every refusal is a problem-details body, and nothing is stored unless the whole session is valid.
/// </summary>
public static class SessionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        MaxDepth = 8,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(DoorRateLimits.PatientPolicy);

        group.MapPost("/", async (HttpContext http, PatientAccess access, SessionService sessions, CancellationToken ct) =>
        {
            var (grant, refusal) = await AuthorizeAsync(http, access, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var (submission, problem) = await ReadAsync<SessionSubmission>(http, ct);
            if (problem is not null)
            {
                return problem;
            }

            var result = await sessions.LogAsync(grant!.Patient, submission!, ct);
            return result.Outcome switch
            {
                LogOutcome.Saved => TypedResults.Created($"/api/sessions/{result.Session!.Id}", SessionReceipt.From(result.Session)),
                LogOutcome.AlreadySaved => TypedResults.Ok(SessionReceipt.From(result.Session!)),
                LogOutcome.Forbidden => TypedResults.Problem("This link or sign-in cannot log sessions for that program.", statusCode: StatusCodes.Status403Forbidden),
                _ => TypedResults.ValidationProblem(
                    result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "The session was not saved: some fields need attention."),
            };
        })
        .WithSummary("Log a session")
        .WithDescription("Stores one session with an answer for every exercise of the plan. Send a fresh idempotencyKey per session; sending the same key again returns the stored session (200) instead of a second one.")
        .Produces<SessionReceipt>(StatusCodes.Status201Created)
        .Produces<SessionReceipt>(StatusCodes.Status200OK)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .Accepts<SessionSubmission>("application/json");

        group.MapPost("/{id:guid}/screening", async (Guid id, HttpContext http, PatientAccess access, SessionService sessions, CancellationToken ct) =>
        {
            var (grant, refusal) = await AuthorizeAsync(http, access, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var (answers, problem) = await ReadAsync<ScreeningAnswers>(http, ct);
            if (problem is not null)
            {
                return problem;
            }

            if (answers!.Yes.Any(n => n is < 1 or > 10))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["yes"] = ["question numbers run from 1 to 10"] });
            }

            return await sessions.AnswerAsync(grant!.Patient, id, answers.Yes.ToHashSet(), ct) is { } result
                ? TypedResults.Ok(result)
                : TypedResults.NotFound();
        })
        .WithSummary("Answer the safety checklist of a session")
        .Produces<ScreeningResult>()
        .Accepts<ScreeningAnswers>("application/json");

        return app;
    }

    private static async Task<(PatientGrant? Grant, IResult? Refusal)> AuthorizeAsync(HttpContext http, PatientAccess access, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (token is null && http.User.Identity?.IsAuthenticated != true)
        {
            return (null, TypedResults.Problem("Send the patient's link token as 'Authorization: Bearer <token>', or sign in as the patient.", statusCode: StatusCodes.Status401Unauthorized));
        }

        var grant = await access.ResolveAsync(http.User, token, ct);
        return grant is null
            ? (null, TypedResults.Problem("The link is not valid: it may have expired. Open the latest email from your clinic.", statusCode: StatusCodes.Status401Unauthorized))
            : (grant, null);
    }

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        // JSON only: a cookie-authenticated form post from another site cannot send it.
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem("Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, ct);
            return value is null ? (null, TypedResults.Problem("The body is empty.", statusCode: StatusCodes.Status400BadRequest)) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path}";
            return (null, TypedResults.Problem($"The body is not a valid session{where}: {ex.Message.Split(" Path:", 2)[0]}", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException ex)
        {
            // The body ended early (the client went away or lied about its length) or was too
            // large: the client's fault, not a server error, and nothing was stored.
            return (null, TypedResults.Problem($"The body could not be read: {ex.Message}", statusCode: ex.StatusCode));
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return (null, TypedResults.Problem($"The body could not be read: {ex.Message}", statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
