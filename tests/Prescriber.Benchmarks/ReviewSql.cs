namespace Prescriber.Benchmarks;

/// <summary>
/// The hand-written side of the review benchmark: each figure of "My patients" and of one patient's
/// review in one PostgreSQL statement, docs/adherence.md written out again in SQL (days in the
/// patient's zone, the version in force from its effective start, weekdays, pauses, the best logs
/// filling the day's slots). Only the benchmark uses it, to check and to time the app against.
/// </summary>
internal static class ReviewSql
{
    /// <summary>Dose fraction of an entry (e) against its prescription (pe): done 1, skipped 0, partial min(1, sets x reps done / prescribed).</summary>
    private const string Fraction = """
        CASE e."Outcome" WHEN 'Done' THEN 1::float8 WHEN 'Skipped' THEN 0::float8
             ELSE least(1::float8, coalesce(e."SetsDone", pe."Dosage_Sets")::float8 * coalesce(e."RepsDone", pe."Dosage_Reps") / greatest(1, pe."Dosage_Sets" * pe."Dosage_Reps")) END
        """;

    /// <summary>
    /// Shared part, after a CTE "prog" (patient, program, tz, today, first_day, last_day): one row
    /// per program and local day of the window ("counted") with its slots, the sessions that fill
    /// them and their credit; "frac" is each logged entry's dose fraction.
    /// </summary>
    private const string Days = """
        ver0 AS (
            SELECT v."Id" AS version, v."ProgramId" AS program, v."Number" AS number, v."TimesPerDay" AS times, v."Days" AS weekdays, v."EndDate" AS end_date,
                   CASE WHEN v."CreatedAt" = '0001-01-01' THEN v."StartDate"
                        ELSE greatest(v."StartDate", (v."CreatedAt" AT TIME ZONE prog.tz)::date) END AS effective
            FROM "ProgramVersions" v JOIN prog ON prog.program = v."ProgramId"),
        ver AS MATERIALIZED (
            -- In force from its effective start until a later-numbered version has started.
            SELECT ver0.*, min(effective) OVER (PARTITION BY program ORDER BY number DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS until
            FROM ver0),
        paused AS MATERIALIZED (
            SELECT DISTINCT pp."ProgramId" AS program, d::date AS date
            FROM prog JOIN "ProgramPauses" pp ON pp."ProgramId" = prog.program
            CROSS JOIN generate_series(greatest(pp."From", prog.first_day), least(coalesce(pp."To", prog.last_day), prog.last_day), interval '1 day') d),
        sched2 AS MATERIALIZED (
            SELECT prog.patient, prog.program, prog.today, d.d::date AS date, v.version, v.number, p.date IS NOT NULL AS paused,
                   CASE WHEN v.version IS NOT NULL AND p.date IS NULL AND (v.end_date IS NULL OR d.d::date <= v.end_date)
                             AND (v.weekdays & (1 << (extract(isodow FROM d.d)::int - 1))) <> 0 THEN v.times ELSE 0 END AS scheduled
            -- A constant span lets the planner count the days (a date series is guessed at 1,000 rows).
            FROM prog CROSS JOIN LATERAL (SELECT prog.first_day + i AS d FROM generate_series(0, {SPAN}) i) d
            LEFT JOIN ver v ON v.program = prog.program AND v.effective <= d.d AND (v.until IS NULL OR d.d < v.until)
            LEFT JOIN paused p ON p.program = prog.program AND p.date = d.d),
        log AS MATERIALIZED (
            SELECT s."Id" AS session, s."ProgramId" AS program, s."LocalDate" AS date, s."LoggedAt" AS logged_at, s."Status" AS status
            FROM prog JOIN "SessionLogs" s ON s."ProgramId" = prog.program AND s."LocalDate" BETWEEN prog.first_day AND least(prog.last_day, prog.today)),
        prescribed_exercise AS MATERIALIZED (
            SELECT pe."Id", pe."ExerciseId", pe."ExerciseName", pe."Dosage_Sets", pe."Dosage_Reps", pe."VersionId", ver.program
            FROM ver JOIN "PrescribedExercises" pe ON pe."VersionId" = ver.version),
        frac AS MATERIALIZED (
            -- Entries of the program's own prescriptions only, as the calculator judges them.
            SELECT log.session, pe."ExerciseId" AS exercise, e."Outcome" AS outcome, e."SkipReason" AS reason,
        """ + Fraction + """
         AS fraction
            -- OFFSET 0 keeps the index lookup per session (the planner would otherwise read every entry).
            FROM log CROSS JOIN LATERAL (SELECT * FROM "SessionEntries" e WHERE e."SessionId" = log.session OFFSET 0) e
            JOIN prescribed_exercise pe ON pe."Id" = e."PrescribedExerciseId" AND pe.program = log.program),
        credit AS (
            SELECT x.*, CASE x.status WHEN 'Completed' THEN 1::float8 WHEN 'Partial' THEN x.dose ELSE 0::float8 END AS credit
            FROM (SELECT log.*, coalesce(d.dose, CASE WHEN log.status = 'Completed' THEN 1::float8 ELSE 0::float8 END) AS dose
                  FROM log LEFT JOIN (SELECT session, sum(fraction ORDER BY fraction) / count(*) AS dose FROM frac GROUP BY session) d ON d.session = log.session) x),
        ranked AS (
            SELECT credit.*,
                   row_number() OVER (PARTITION BY program, date ORDER BY credit DESC, dose DESC, logged_at, session) AS rank,
                   count(*) OVER (PARTITION BY program, date) AS logs
            FROM credit),
        slotted AS (
            SELECT s.*, r.session, r.status, r.credit, r.dose,
                   CASE WHEN s.date < s.today THEN s.scheduled WHEN s.date = s.today THEN least(s.scheduled, coalesce(r.logs, 0)::int) ELSE 0 END AS slots,
                   r.rank <= CASE WHEN s.date < s.today THEN s.scheduled WHEN s.date = s.today THEN least(s.scheduled, r.logs::int) ELSE 0 END AS counts
            FROM sched2 s LEFT JOIN ranked r ON r.program = s.program AND r.date = s.date),
        counted AS (
            SELECT patient, program, date, today, version, paused, scheduled, slots,
                   array_agg(session) FILTER (WHERE counts) AS sessions,
                   array_agg(session) FILTER (WHERE session IS NOT NULL) AS logged,
                   coalesce(sum(credit) FILTER (WHERE counts), 0) AS credit,
                   coalesce(sum(dose) FILTER (WHERE counts), 0) AS dose,
                   count(*) FILTER (WHERE counts AND status = 'Completed') AS completed,
                   count(*) FILTER (WHERE counts AND status = 'Partial') AS partial,
                   count(*) FILTER (WHERE counts AND status = 'Skipped') AS skipped
            FROM slotted
            GROUP BY patient, program, date, today, version, paused, scheduled, slots)
        """;

    /// <summary>
    /// "My patients" for @clinic at @now, the default order (most severe open flag, then the least
    /// adherent over 7 days, then the name), @limit rows (null: all), with the total.
    /// </summary>
    private const string MyPatientsText = """
        WITH pat AS (
            SELECT p."Id" AS patient, p."Name" AS name, p."TimeZone" AS tz, (@now AT TIME ZONE p."TimeZone")::date AS today
            FROM "Patients" p WHERE p."ClinicId" = @clinic),
        prog AS (
            SELECT pat.patient, pr."Id" AS program, pat.tz, pat.today, pat.today - 27 AS first_day, pat.today AS last_day
            FROM pat JOIN "Programs" pr ON pr."PatientId" = pat.patient),
        """ + Days + """
        ,
        adherence AS (
            SELECT patient,
                   100 * sum(credit) FILTER (WHERE date >= today - 6) / nullif(sum(slots) FILTER (WHERE date >= today - 6), 0) AS week,
                   100 * sum(credit) / nullif(sum(slots), 0) AS month
            FROM counted GROUP BY patient),
        pain AS (
            SELECT prog.patient,
                   sum(greatest(coalesce(s."PainBefore", 0), coalesce(s."PainAfter", 0))) FILTER (WHERE s."LocalDate" >= prog.today - 6)::float8
                       / nullif(count(*) FILTER (WHERE s."LocalDate" >= prog.today - 6), 0) AS recent,
                   sum(greatest(coalesce(s."PainBefore", 0), coalesce(s."PainAfter", 0))) FILTER (WHERE s."LocalDate" < prog.today - 6)::float8
                       / nullif(count(*) FILTER (WHERE s."LocalDate" < prog.today - 6), 0) AS before
            FROM prog JOIN "SessionLogs" s ON s."ProgramId" = prog.program AND s."LocalDate" BETWEEN prog.today - 13 AND prog.today
            WHERE s."PainBefore" IS NOT NULL OR s."PainAfter" IS NOT NULL
            GROUP BY prog.patient),
        last AS (
            SELECT prog.patient, max(l.last) AS last
            FROM prog CROSS JOIN LATERAL (SELECT max(s."LocalDate") AS last FROM "SessionLogs" s WHERE s."ProgramId" = prog.program) l
            GROUP BY prog.patient),
        flag AS (
            SELECT f."PatientId" AS patient, count(*)::int AS open,
                   max(CASE f."Severity" WHEN 'None' THEN 0 WHEN 'Review' THEN 1 WHEN 'Urgent' THEN 2 WHEN 'Emergency' THEN 3 END) AS top
            FROM "Flags" f WHERE f."ClinicId" = @clinic AND f."Status" <> 'Resolved' GROUP BY f."PatientId")
        SELECT pat.patient, pat.name, a.week, a.month, last.last,
               CASE WHEN pain.recent IS NULL OR pain.before IS NULL THEN 'Unknown'
                    WHEN pain.recent - pain.before >= 1 THEN 'Rising'
                    WHEN pain.before - pain.recent >= 1 THEN 'Falling' ELSE 'Steady' END AS trend,
               coalesce(flag.open, 0) AS open, flag.top, count(*) OVER () AS total
        FROM pat
        LEFT JOIN adherence a ON a.patient = pat.patient
        LEFT JOIN pain ON pain.patient = pat.patient
        LEFT JOIN last ON last.patient = pat.patient
        LEFT JOIN flag ON flag.patient = pat.patient
        ORDER BY (CASE WHEN flag.top IS NULL THEN 20 ELSE 10 - flag.top END) * 1000 + coalesce(a.week, 100), pat.name COLLATE "C"
        LIMIT @limit
        """;

    /// <summary>
    /// One patient's review page at @now: the last 28 days (totals and per exercise), the 12-week
    /// heat map, the last 60 pain scores, the last 50 notes and the versions, as one row of JSON.
    /// </summary>
    private const string PatientText = """
        WITH pat AS (
            SELECT p."Id" AS patient, p."TimeZone" AS tz, (@now AT TIME ZONE p."TimeZone")::date AS today
            FROM "Patients" p WHERE p."Id" = @patient AND p."ClinicId" = @clinic),
        win AS (
            SELECT pat.*, pat.today + (7 - extract(dow FROM pat.today)::int) % 7 AS sunday FROM pat),
        prog AS (
            SELECT win.patient, pr."Id" AS program, win.tz, win.today, win.sunday - 83 AS first_day, win.sunday AS last_day
            FROM win JOIN "Programs" pr ON pr."PatientId" = win.patient),
        """ + Days + """
        ,
        month AS (SELECT * FROM counted WHERE date BETWEEN today - 27 AND today),
        prescribed AS (
            SELECT m.program, pe."ExerciseId" AS exercise, pe."ExerciseName" AS name, sum(m.slots) AS prescribed
            FROM month m JOIN prescribed_exercise pe ON pe."VersionId" = m.version
            WHERE m.slots > 0 GROUP BY m.program, pe."ExerciseId", pe."ExerciseName"),
        done AS (
            SELECT m.program, f.exercise, sum(f.fraction) AS dose
            FROM month m CROSS JOIN LATERAL unnest(m.sessions) AS c(session) JOIN frac f ON f.session = c.session
            GROUP BY m.program, f.exercise),
        skips AS (
            SELECT program, exercise, json_object_agg(reason, n) AS reasons FROM (
                -- Every log's reasons, counted or not, as the calculator keeps them.
                SELECT m.program, f.exercise, f.reason, count(*) AS n
                FROM month m CROSS JOIN LATERAL unnest(m.logged) AS c(session) JOIN frac f ON f.session = c.session
                WHERE f.outcome = 'Skipped' AND f.reason IS NOT NULL
                GROUP BY m.program, f.exercise, f.reason) x
            GROUP BY program, exercise),
        exercise AS (
            SELECT coalesce(p.program, d.program, s.program) AS program, coalesce(p.exercise, d.exercise, s.exercise) AS exercise,
                   coalesce(p.name, (SELECT max(pe."ExerciseName") FROM prescribed_exercise pe WHERE pe."ExerciseId" = coalesce(d.exercise, s.exercise))) AS name,
                   coalesce(p.prescribed, 0) AS prescribed, coalesce(d.dose, 0) AS dose, s.reasons
            FROM prescribed p FULL JOIN done d ON d.program = p.program AND d.exercise = p.exercise
            -- FULL: an exercise only skipped (on a rest or paused day) is listed for its reasons.
            FULL JOIN skips s ON s.program = coalesce(p.program, d.program) AND s.exercise = coalesce(p.exercise, d.exercise)),
        state AS (
            SELECT date, CASE
                WHEN scheduled = 0 THEN CASE WHEN paused THEN 'Paused' WHEN date > today THEN 'Pending' ELSE 'NotPrescribed' END
                WHEN slots = 0 THEN 'Pending'
                WHEN completed = scheduled THEN 'Completed'
                WHEN credit > 0 THEN 'Partial'
                WHEN skipped > 0 THEN 'Skipped'
                ELSE 'Missed' END AS state
            FROM counted),
        heat AS (
            SELECT d::date AS date,
                   coalesce((SELECT s.state FROM state s WHERE s.date = d::date
                             ORDER BY array_position(ARRAY['Missed', 'Skipped', 'Partial', 'Completed', 'Paused', 'Pending'], s.state) NULLS LAST LIMIT 1),
                            CASE WHEN d::date > win.today THEN 'Pending' ELSE 'NotPrescribed' END) AS state
            FROM win CROSS JOIN generate_series(win.sunday - 83, win.sunday, interval '1 day') d)
        SELECT
            (SELECT json_build_object('prescribed', coalesce(sum(slots), 0), 'completed', coalesce(sum(completed), 0), 'partial', coalesce(sum(partial), 0),
                                      'skipped', coalesce(sum(skipped), 0), 'missed', coalesce(sum(slots - completed - partial - skipped), 0),
                                      'credit', coalesce(sum(credit), 0), 'dose', coalesce(sum(dose), 0)) FROM month) AS totals,
            (SELECT json_agg(json_build_object('exercise', exercise, 'name', name, 'prescribed', prescribed, 'dose', dose, 'reasons', reasons)
                             ORDER BY program, name COLLATE "C") FROM exercise) AS exercises,
            (SELECT json_agg(json_build_object('date', date, 'state', state) ORDER BY date) FROM heat) AS heat,
            (SELECT json_agg(json_build_object('date', date, 'before', before, 'after', after) ORDER BY date, logged_at, id) FROM (
                SELECT s."LocalDate" AS date, s."LoggedAt" AS logged_at, s."Id" AS id, s."PainBefore" AS before, s."PainAfter" AS after
                FROM "SessionLogs" s WHERE s."PatientId" = @patient AND (s."PainBefore" IS NOT NULL OR s."PainAfter" IS NOT NULL)
                ORDER BY s."LocalDate" DESC, s."LoggedAt" DESC, s."Id" DESC LIMIT 60) x) AS pain,
            (SELECT json_agg(json_build_object('date', date, 'status', status, 'note', note) ORDER BY date DESC, logged_at, id) FROM (
                SELECT s."LocalDate" AS date, s."LoggedAt" AS logged_at, s."Id" AS id, s."Status" AS status, s."Note" AS note
                FROM "SessionLogs" s WHERE s."PatientId" = @patient AND s."Note" IS NOT NULL
                ORDER BY s."LocalDate" DESC, s."LoggedAt", s."Id" LIMIT 50) x) AS notes,
            (SELECT json_agg(json_build_object('start', v."StartDate", 'number', v."Number", 'times', v."TimesPerDay", 'days', v."Days", 'end', v."EndDate", 'note', v."Note")
                             ORDER BY v."StartDate", v."Number") FROM "ProgramVersions" v JOIN prog ON prog.program = v."ProgramId") AS versions
        """;

    public static readonly string MyPatients = MyPatientsText.Replace("{SPAN}", "27", StringComparison.Ordinal);

    public static readonly string Patient = PatientText.Replace("{SPAN}", "83", StringComparison.Ordinal);
}
