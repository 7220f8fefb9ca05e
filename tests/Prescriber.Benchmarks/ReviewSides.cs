using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Prescriber.Web.Features.Review;

namespace Prescriber.Benchmarks;

/// <summary>
/// The two sides of the review benchmark for one clinic: the app's service calls exactly as the
/// pages make them, and the hand-written SQL (<see cref="ReviewSql"/>); and the check that both
/// give the same figures for every patient.
/// </summary>
internal sealed class ReviewSides(ReviewService review, NpgsqlConnection sql, Guid clinic, DateTimeOffset now)
{
    /// <summary>Sums of doubles added in another order may differ in the last bits; nothing else may differ.</summary>
    private const double Tolerance = 1e-9;

    public sealed record Check(string Checked, List<string> Problems, List<Guid> PatientIds);

    /// <summary>The My Patients page's first load: default order, first page of 25.</summary>
    public Task AppListAsync() => review.MyPatientsAsync(new MyPatientsQuery());

    /// <summary>What PatientReviewPage does: the audited load, then the figures it shows.</summary>
    public async Task<PatientReviewFigures> AppReviewAsync(Guid patient) =>
        await review.PatientPageAsync(patient) ?? throw new InvalidOperationException($"No patient {patient}.");

    public Task SqlListAsync() => ListAsync(new MyPatientsQuery().PageSize);

    public async Task<JsonElement[]> SqlReviewAsync(Guid patient)
    {
        await using var command = new NpgsqlCommand(ReviewSql.Patient, sql);
        command.Parameters.AddWithValue("clinic", clinic);
        command.Parameters.AddWithValue("patient", patient);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var columns = new JsonElement[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = reader.IsDBNull(i) ? default : JsonDocument.Parse(reader.GetString(i)).RootElement;
        }

        return columns;
    }

    public async Task<Check> CheckAsync()
    {
        var problems = new List<string>();
        var (appAll, appTotal) = await review.MyPatientsAsync(new MyPatientsQuery(PageSize: int.MaxValue));
        var sqlAll = await ListAsync(null);
        if (appAll.Count != sqlAll.Count || sqlAll.Any(r => r.Total != appTotal))
        {
            problems.Add($"My patients: app {appAll.Count} rows, SQL {sqlAll.Count}");
        }

        foreach (var (app, row) in appAll.Zip(sqlAll))
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"{app.PatientId} {app.Name} {app.LastSession} {app.PainTrend} {app.OpenFlags} {(int?)app.TopSeverity}");
            var actual = string.Create(CultureInfo.InvariantCulture, $"{row.Patient} {row.Name} {row.Last} {row.Trend} {row.Open} {row.Top}");
            if (expected != actual || !Same(app.Adherence7, row.Week) || !Same(app.Adherence28, row.Month))
            {
                problems.Add($"My patients row: app {expected} {app.Adherence7} {app.Adherence28}; SQL {actual} {row.Week} {row.Month}");
            }
        }

        var (appPage, _) = await review.MyPatientsAsync(new MyPatientsQuery());
        var sqlPage = await ListAsync(new MyPatientsQuery().PageSize);
        if (!appPage.Select(r => r.PatientId).SequenceEqual(sqlPage.Select(r => r.Patient)))
        {
            problems.Add("My patients: the first pages differ");
        }

        var ids = sqlAll.Select(r => r.Patient).Order().ToList();
        var days = 0;
        foreach (var id in ids)
        {
            var app = await AppReviewAsync(id);
            var json = await SqlReviewAsync(id);
            days += app.Days.Count;
            CompareReview(id, app, json, problems);
        }

        return new Check($"{sqlAll.Count} My-patients rows and {ids.Count} patient reviews ({days} heat-map days) checked", problems, ids);
    }

    private static void CompareReview(Guid id, PatientReviewFigures app, JsonElement[] json, List<string> problems)
    {
        void Expect(bool same, string what)
        {
            if (!same)
            {
                problems.Add($"Review of {id}: {what}");
            }
        }

        var totals = json[0];
        var report = app.Report28;
        Expect((report?.Prescribed ?? 0) == totals.GetProperty("prescribed").GetInt32(), $"prescribed {report?.Prescribed} vs {totals.GetProperty("prescribed")}");
        Expect((report?.Completed ?? 0) == totals.GetProperty("completed").GetInt32(), "completed");
        Expect((report?.Partial ?? 0) == totals.GetProperty("partial").GetInt32(), "partial");
        Expect((report?.Skipped ?? 0) == totals.GetProperty("skipped").GetInt32(), "skipped");
        Expect((report?.Missed ?? 0) == totals.GetProperty("missed").GetInt32(), $"missed {report?.Missed} vs {totals.GetProperty("missed")}");
        Expect(Same(report?.SessionCredit ?? 0, totals.GetProperty("credit").GetDouble()), $"session credit {report?.SessionCredit} vs {totals.GetProperty("credit")}");
        Expect(Same(report?.DoseCredit ?? 0, totals.GetProperty("dose").GetDouble()), $"dose credit {report?.DoseCredit} vs {totals.GetProperty("dose")}");

        var exercises = Array(json[1]);
        var appExercises = report?.Exercises ?? [];
        Expect(appExercises.Count == exercises.Count, $"{appExercises.Count} exercises vs {exercises.Count}");
        foreach (var (a, s) in appExercises.Zip(exercises))
        {
            var reasons = s.GetProperty("reasons").ValueKind == JsonValueKind.Object
                ? s.GetProperty("reasons").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())
                : [];
            Expect(a.ExerciseId == s.GetProperty("exercise").GetGuid() && a.Name == s.GetProperty("name").GetString()
                && a.Prescribed == s.GetProperty("prescribed").GetInt32() && Same(a.DoseCredit, s.GetProperty("dose").GetDouble())
                && a.SkipReasons.Count == reasons.Count && a.SkipReasons.All(r => reasons.GetValueOrDefault(r.Key.ToString()) == r.Value),
                $"exercise {a.Name} {a.Prescribed} {a.DoseCredit} vs {s}");
        }

        var heat = Array(json[2]);
        Expect(app.Days.Select(d => $"{Date(d.Date)} {d.State}").SequenceEqual(heat.Select(h => $"{h.GetProperty("date").GetString()} {h.GetProperty("state").GetString()}")),
            "heat map: " + string.Join(", ", app.Days.Zip(heat).Where(p => p.First.State.ToString() != p.Second.GetProperty("state").GetString()).Take(3).Select(p => $"{p.First.Date} {p.First.State} vs {p.Second}")));

        var pain = Array(json[3]);
        Expect(app.Pain.Select(s => $"{Date(s.Date)} {s.Before} {s.After}").SequenceEqual(pain.Select(p => $"{p.GetProperty("date").GetString()} {Int(p, "before")} {Int(p, "after")}")), "pain series");

        var notes = Array(json[4]);
        Expect(app.Notes.Select(s => $"{Date(s.Date)} {s.Status} {s.Note}").SequenceEqual(notes.Select(n => $"{n.GetProperty("date").GetString()} {n.GetProperty("status").GetString()} {n.GetProperty("note").GetString()}")), "notes");

        var versions = Array(json[5]);
        Expect(app.Versions.Select(v => $"{Date(v.Version.StartDate)} {v.Version.Number} {v.Version.TimesPerDay} {(int)v.Version.Days} {(v.Version.EndDate is { } e ? Date(e) : "")} {v.Version.Note}")
            .SequenceEqual(versions.Select(v => $"{v.GetProperty("start").GetString()} {v.GetProperty("number")} {v.GetProperty("times")} {v.GetProperty("days")} {v.GetProperty("end").GetString()} {v.GetProperty("note").GetString()}")), "versions");
    }

    private async Task<List<Row>> ListAsync(int? limit)
    {
        await using var command = new NpgsqlCommand(ReviewSql.MyPatients, sql);
        command.Parameters.AddWithValue("clinic", clinic);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit is { } l ? l : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(
                reader.GetGuid(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetInt64(8)));
        }

        return rows;
    }

    private static bool Same(double? a, double? b) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => Math.Abs(x - y) <= Tolerance * Math.Max(1, Math.Abs(x)),
        _ => false,
    };

    private static List<JsonElement> Array(JsonElement element) => element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray()] : [];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null ? "" : element.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);

    private sealed record Row(Guid Patient, string Name, double? Week, double? Month, DateOnly? Last, string Trend, int Open, int? Top, long Total);
}
