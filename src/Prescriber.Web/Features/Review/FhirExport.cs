using Hl7.Fhir.Serialization;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using R4 = Hl7.Fhir.Model;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// One patient's record as a FHIR R4 collection bundle (clinical-reference.md section 5): the
/// Patient, a CarePlan per program version whose activities reference a ServiceRequest per
/// prescribed exercise, an Observation per pain score (LOINC 72514-3), a Procedure per session
/// (completed or not-done) and a Flag per flag. Every resource is addressed by urn:uuid.
/// </summary>
public static class FhirExport
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string PainCode = "72514-3";
    public const string ExerciseActivityCode = "73985-4";
    public const string ExerciseTherapyCode = "229065009";

    public static string Json(PatientReview review) => Bundle(review).ToJson();

    public static R4.Bundle Bundle(PatientReview review)
    {
        var bundle = new R4.Bundle { Type = R4.Bundle.BundleType.Collection, Timestamp = DateTimeOffset.UtcNow };
        var patient = review.Patient;
        var subject = new R4.ResourceReference(Urn(patient.Id), patient.Name);
        Add(bundle, patient.Id, new R4.Patient
        {
            Name = [new R4.HumanName { Text = patient.Name }],
            Telecom = [new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Email, null, patient.Email)],
            BirthDate = patient.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        foreach (var program in review.History.Programs)
        {
            foreach (var version in program.Versions)
            {
                var current = version.Number == program.CurrentVersion && program.Status != ProgramStatus.Ended;
                var plan = new R4.CarePlan
                {
                    Status = current ? R4.RequestStatus.Active : R4.RequestStatus.Completed,
                    Intent = R4.CarePlan.CarePlanIntent.Plan,
                    Title = $"{program.Name}, version {version.Number}",
                    Description = version.Note,
                    Subject = subject,
                    Period = new R4.Period(new R4.FhirDateTime(Date(version.StartDate)), version.EndDate is { } end ? new R4.FhirDateTime(Date(end)) : null),
                };
                foreach (var exercise in version.Exercises)
                {
                    Add(bundle, exercise.Id, Request(exercise, version, subject, current));
                    plan.Activity.Add(new R4.CarePlan.ActivityComponent { Reference = new R4.ResourceReference(Urn(exercise.Id), exercise.ExerciseName) });
                }

                Add(bundle, version.Id, plan);
            }
        }

        foreach (var session in review.History.Sessions)
        {
            Add(bundle, session.Id, Procedure(session, subject));
            AddPain(bundle, session, session.PainBefore, "before the session", subject, 1);
            AddPain(bundle, session, session.PainAfter, "after the session", subject, 2);
        }

        foreach (var flag in review.Flags)
        {
            Add(bundle, flag.Id, new R4.Flag
            {
                Status = flag.Status == Core.Flags.FlagStatus.Resolved ? R4.Flag.FlagStatus.Inactive : R4.Flag.FlagStatus.Active,
                Code = new R4.CodeableConcept { Text = flag.Summary },
                Subject = subject,
                Period = new R4.Period { Start = new R4.FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(flag.CreatedAt, DateTimeKind.Utc))).Value },
            });
        }

        return bundle;
    }

    private static R4.ServiceRequest Request(PrescribedExercise exercise, ProgramVersion version, R4.ResourceReference subject, bool current) => new()
    {
        Status = current ? R4.RequestStatus.Active : R4.RequestStatus.Completed,
        Intent = R4.RequestIntent.Order,
        Code = new R4.CodeableConcept(Snomed, ExerciseTherapyCode, "Exercise therapy", exercise.ExerciseName),
        Subject = subject,
        Occurrence = new R4.Timing
        {
            Repeat = new R4.Timing.RepeatComponent
            {
                Frequency = version.TimesPerDay,
                Period = 1,
                PeriodUnit = R4.Timing.UnitsOfTime.D,
                DayOfWeek = WeekDaysExtensions.InOrder.Where(d => (version.Days & d) != 0).Select(Day).ToList(),
                TimeOfDayElement = version.ReminderTimes.Select(t => new R4.Time(t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            },
        },
        PatientInstruction = string.Join(". ", new[] { exercise.ExerciseName, exercise.Dosage.ToString(), exercise.Level, exercise.Notes }.Where(s => !string.IsNullOrWhiteSpace(s))),
    };

    private static R4.Procedure Procedure(SessionLog session, R4.ResourceReference subject)
    {
        var procedure = new R4.Procedure
        {
            Status = session.Status == SessionStatus.Skipped ? R4.EventStatus.NotDone : R4.EventStatus.Completed,
            Code = new R4.CodeableConcept(Loinc, ExerciseActivityCode, "Exercise activity", session.Status == SessionStatus.Partial ? "Home exercise session, partly done" : "Home exercise session"),
            Subject = subject,
            Performed = new R4.FhirDateTime(Date(session.LocalDate)),
            BasedOn = [new R4.ResourceReference(Urn(session.VersionId))],
        };
        if (session.Status == SessionStatus.Skipped)
        {
            var reasons = session.Entries.Select(e => e.SkipReason).OfType<SkipReason>().Distinct().Select(r => r.ToString());
            procedure.StatusReason = new R4.CodeableConcept { Text = string.Join(", ", reasons) };
        }

        if (session.Note is { } note)
        {
            procedure.Note = [new R4.Annotation { Text = new R4.Markdown(note) }];
        }

        return procedure;
    }

    private static void AddPain(R4.Bundle bundle, SessionLog session, int? pain, string when, R4.ResourceReference subject, int salt)
    {
        if (pain is null)
        {
            return;
        }

        Add(bundle, Derived(session.Id, salt), new R4.Observation
        {
            Status = R4.ObservationStatus.Final,
            Code = new R4.CodeableConcept(Loinc, PainCode, "Pain severity - 0-10 verbal numeric rating [Score] - Reported", $"Pain {when}"),
            Subject = subject,
            Effective = new R4.FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(session.LoggedAt, DateTimeKind.Utc))),
            Value = new R4.Integer(pain),
            PartOf = [new R4.ResourceReference(Urn(session.Id))],
        });
    }

    private static void Add(R4.Bundle bundle, Guid id, R4.Resource resource)
    {
        resource.Id = id.ToString();
        bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = Urn(id), Resource = resource });
    }

    private static string Urn(Guid id) => $"urn:uuid:{id}";

    /// <summary>A stable id for a resource derived from a row (the pain scores of a session).</summary>
    private static Guid Derived(Guid id, int salt)
    {
        var bytes = id.ToByteArray();
        bytes[15] ^= (byte)salt;
        return new Guid(bytes);
    }

    private static DateTimeOffset Date(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static R4.DaysOfWeek? Day(WeekDays day) => day switch
    {
        WeekDays.Monday => R4.DaysOfWeek.Mon,
        WeekDays.Tuesday => R4.DaysOfWeek.Tue,
        WeekDays.Wednesday => R4.DaysOfWeek.Wed,
        WeekDays.Thursday => R4.DaysOfWeek.Thu,
        WeekDays.Friday => R4.DaysOfWeek.Fri,
        WeekDays.Saturday => R4.DaysOfWeek.Sat,
        _ => R4.DaysOfWeek.Sun,
    };
}
