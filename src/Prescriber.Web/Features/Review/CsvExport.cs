using System.Globalization;
using CsvHelper;
using Prescriber.Core.Patients;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>Sessions and adherence as CSV (invariant culture, a header row, one row per session or patient-day).</summary>
public static class CsvExport
{
    public static string Sessions(IEnumerable<(Patient Patient, PatientHistory History)> patients)
    {
        var rows = patients.SelectMany(p =>
        {
            var programs = p.History.Programs.ToDictionary(x => x.Id);
            var exercises = p.History.Programs.SelectMany(x => x.Versions).SelectMany(v => v.Exercises).ToDictionary(e => e.Id);
            return p.History.Sessions.Select(s => new SessionCsvRow
            {
                PatientId = p.Patient.Id,
                Patient = p.Patient.Name,
                Program = programs.TryGetValue(s.ProgramId, out var program) ? program.Name : "",
                Version = program?.Versions.FirstOrDefault(v => v.Id == s.VersionId)?.Number ?? 0,
                Date = s.LocalDate,
                LoggedAtUtc = DateTime.SpecifyKind(s.LoggedAt, DateTimeKind.Utc),
                Retrospective = s.Retrospective,
                Status = s.Status.ToString(),
                PainBefore = s.PainBefore,
                PainAfter = s.PainAfter,
                Difficulty = s.Difficulty,
                Skipped = SkippedText(s, exercises),
                Note = s.Note,
            });
        });
        return Write(rows);
    }

    public static string Adherence(IEnumerable<(Patient Patient, PatientHistory History)> patients, DateOnly from, DateOnly to, DateTimeOffset now) =>
        Write(patients.SelectMany(p => p.History.Reports(from, to, now).SelectMany(r => r.Report.Days.Select(d => new AdherenceCsvRow
        {
            PatientId = p.Patient.Id,
            Patient = p.Patient.Name,
            Program = r.Program.Name,
            Date = d.Date,
            State = d.State.ToString(),
            Version = d.VersionNumber,
            Prescribed = d.Prescribed,
            Completed = d.Completed,
            Partial = d.Partial,
            Skipped = d.Skipped,
            Missed = d.Missed,
            Extra = d.Extra,
            SessionCredit = Math.Round(d.SessionCredit, 3),
            DoseCredit = Math.Round(d.DoseCredit, 3),
        }))));

    private static string? SkippedText(SessionLog session, Dictionary<Guid, Core.Programs.PrescribedExercise> exercises)
    {
        var skipped = session.Entries.Where(e => e.Outcome == EntryOutcome.Skipped)
            .Select(e => $"{(exercises.TryGetValue(e.PrescribedExerciseId, out var x) ? x.ExerciseName : "?")}: {e.SkipReason}")
            .ToList();
        return skipped.Count == 0 ? null : string.Join("; ", skipped);
    }

    /// <summary>
    /// CsvHelper 34 writes fields, not objects: the columns are the record's properties in order,
    /// each formatted in the invariant culture (ISO dates, '.' decimals).
    /// </summary>
    private static string Write<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, true))
        {
            csv.WriteRecord(properties.Select(p => p.Name).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(properties.Select(p => Format(p.GetValue(row))).ToArray());
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
