using System.Text.RegularExpressions;
using Prescriber.Core.Library;

namespace Prescriber.Core.Sessions;

/// <summary>What a session submission must satisfy, field by field, before anything is stored.</summary>
public static partial class SessionSubmissionRules
{
    [GeneratedRegex("^[A-Za-z0-9_-]{8,100}$")]
    private static partial Regex KeyPattern();

    /// <summary>Checks the submission against the prescribed exercise ids of the version it is for.</summary>
    public static IReadOnlyList<ValidationError> Validate(SessionSubmission submission, IReadOnlySet<Guid> prescribed)
    {
        var errors = new List<ValidationError>();
        if (!KeyPattern().IsMatch(submission.IdempotencyKey ?? ""))
        {
            errors.Add(new("idempotencyKey", "must be 8 to 100 letters, digits, - or _ (a fresh random id per session)"));
        }

        CheckScale(errors, "painBefore", submission.PainBefore);
        CheckScale(errors, "painAfter", submission.PainAfter);
        CheckScale(errors, "difficulty", submission.Difficulty);
        if (submission.Note is { Length: > SessionRules.MaxNoteLength })
        {
            errors.Add(new("note", $"must be at most {SessionRules.MaxNoteLength} characters"));
        }

        var entries = submission.Entries ?? [];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = $"entries[{i}]";
            if (entry is null)
            {
                errors.Add(new(field, "is empty"));
                continue;
            }

            if (!prescribed.Contains(entry.PrescribedExerciseId))
            {
                errors.Add(new($"{field}.prescribedExerciseId", "is not an exercise of this plan"));
            }
            else if (!seen.Add(entry.PrescribedExerciseId))
            {
                errors.Add(new($"{field}.prescribedExerciseId", "is answered twice"));
            }

            if (!Enum.IsDefined(entry.Outcome))
            {
                errors.Add(new($"{field}.outcome", "must be done, partial or skipped"));
            }

            if (entry.Outcome == EntryOutcome.Skipped && entry.SkipReason is null)
            {
                errors.Add(new($"{field}.skipReason", "say why it was skipped"));
            }

            if (entry.SkipReason is { } reason && !Enum.IsDefined(reason))
            {
                errors.Add(new($"{field}.skipReason", "is not a known reason"));
            }

            if (entry.SetsDone is < 0 or > DosageLimits.MaxSets)
            {
                errors.Add(new($"{field}.setsDone", $"must be between 0 and {DosageLimits.MaxSets}"));
            }

            if (entry.RepsDone is < 0 or > DosageLimits.MaxReps)
            {
                errors.Add(new($"{field}.repsDone", $"must be between 0 and {DosageLimits.MaxReps}"));
            }
        }

        if (prescribed.Count > 0 && errors.All(e => !e.Field.StartsWith("entries", StringComparison.Ordinal)) && !prescribed.SetEquals(seen))
        {
            errors.Add(new("entries", "every exercise of the plan needs an answer: done, partly done or skipped"));
        }

        return errors;
    }

    private static void CheckScale(List<ValidationError> errors, string field, int? value)
    {
        if (value is < 0 or > 10)
        {
            errors.Add(new(field, $"must be between 0 and 10 (was {value})"));
        }
    }
}
