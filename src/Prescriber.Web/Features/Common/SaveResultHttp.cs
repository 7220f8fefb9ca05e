namespace Prescriber.Web.Features.Common;

/// <summary>One mapping from a save's outcome to HTTP, so every API answers the same way.</summary>
public static class SaveResultHttp
{
    public static IResult ToHttp<T>(this SaveResult<T> result, Func<T, string>? createdAt = null, Func<T, object?>? body = null) => result.Outcome switch
    {
        SaveOutcome.Saved when createdAt is not null => TypedResults.Created(createdAt(result.Value!), body is null ? result.Value : body(result.Value!)),
        SaveOutcome.Saved => TypedResults.Ok(body is null ? result.Value : body(result.Value!)),
        SaveOutcome.Invalid => TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Some fields need attention."),
        SaveOutcome.NotFound => TypedResults.NotFound(),
        SaveOutcome.ReadOnly => TypedResults.Problem(
            "This is shared by every clinic and cannot be changed here; make a copy of your own instead.",
            statusCode: StatusCodes.Status403Forbidden),
        SaveOutcome.Conflict => TypedResults.Problem(
            "Someone saved this after you opened it. Reload to see their changes, then apply yours again.",
            statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException($"Unknown outcome {result.Outcome}"),
    };
}
