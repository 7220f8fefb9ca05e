using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Library;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Programs;

/// <summary>Assembles a routine for one patient: a new program, or the next version of one.</summary>
public sealed partial class ProgramBuilderPage
{
    [Parameter]
    public Guid? PatientId { get; set; }

    [Parameter]
    public Guid? ProgramId { get; set; }

    [Inject]
    private ExerciseService Exercises { get; set; } = default!;

    [Inject]
    private ProgramService Programs { get; set; } = default!;

    [Inject]
    private PatientService Patients { get; set; } = default!;

    [Inject]
    private TemplateService Templates { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private Patient? _patient;
    private ExerciseProgram? _program;
    private Dictionary<Guid, Exercise> _byId = [];
    private IReadOnlyList<ProgramTemplate> _templates = [];
    private readonly List<PrescriptionDraft> _items = [];
    private ProgramDraft _draft = new();
    private string _reminders = "";
    private string _search = "";
    private ExercisePosition? _position;
    private Guid? _templateId;
    private string _templateName = "";
    private FieldErrors _errors = FieldErrors.None;
    private FieldErrors _templateErrors = FieldErrors.None;
    private bool _conflict;
    private bool _saving;

    private string Title => _program is null ? "New program" : $"Adjust {_program.Name}";

    private int EstimatedMinutes => ProgramRules.EstimatedMinutes(_items.Select(i => i.ToDosage()));

    private IEnumerable<Exercise> Choices => _byId.Values
        .Where(e => e.Status == ExerciseStatus.Active)
        .Where(e => _position is null || e.Position == _position)
        .Where(e => string.IsNullOrWhiteSpace(_search)
            || e.Name.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => a.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)))
        .OrderBy(e => e.Position).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase);

    private string? StartText
    {
        get => _draft.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        set => _draft.StartDate = DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) ? date : _draft.StartDate;
    }

    private string? EndText
    {
        get => _draft.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        set => _draft.EndDate = DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) ? date : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (ProgramId is { } programId)
        {
            _program = await Programs.FindAsync(programId);
            _patient = _program is null ? null : await Patients.FindAsync(_program.PatientId);
        }
        else
        {
            _patient = await Patients.FindAsync(PatientId!.Value);
        }

        if (_patient is null)
        {
            Navigation.NotFound();
            return;
        }

        // Retired exercises stay in the map so an older version that uses them still shows its names.
        _byId = (await Exercises.SearchAsync(new ExerciseFilter { IncludeRetired = true })).ToDictionary(e => e.Id);
        _templates = await Templates.ListAsync();
        _items.Clear();
        if (_program is not null)
        {
            var current = _program.Versions.Single(v => v.Number == _program.CurrentVersion);
            _draft = new ProgramDraft
            {
                Name = _program.Name,
                TimesPerDay = current.TimesPerDay,
                Days = current.Days,
                StartDate = current.StartDate,
                EndDate = current.EndDate,
                Revision = _program.Revision,
            };
            _items.AddRange(current.Exercises.Select(PrescriptionDraft.From));
            _reminders = ReminderTimesText.Format(current.ReminderTimes);
        }
        else
        {
            _draft = new ProgramDraft { Name = "Home exercise program", StartDate = PatientTime.Today(Time.GetUtcNow(), _patient.TimeZone) };
        }
    }

    private void Add(Exercise exercise) => _items.Add(PrescriptionDraft.From(exercise));

    private void Move(int index, int by)
    {
        var item = _items[index];
        _items.RemoveAt(index);
        _items.Insert(index + by, item);
    }

    private async Task ApplyTemplateAsync()
    {
        if (_templateId is not { } id)
        {
            return;
        }

        var result = await Templates.ToDraftAsync(id, _draft.StartDate);
        if (result.Value is { } fromTemplate)
        {
            _items.Clear();
            _items.AddRange(fromTemplate.Exercises);
            _draft.Name = fromTemplate.Name;
            _draft.TimesPerDay = fromTemplate.TimesPerDay;
            _draft.Days = fromTemplate.Days;
        }
    }

    private async Task SaveAsync()
    {
        _conflict = false;
        var draft = BuildDraft(out var reminderError);
        if (reminderError is not null)
        {
            // Every problem at once: the draft's own rules beside the times that did not read.
            _errors = new FieldErrors([reminderError, .. ProgramRules.Validate(draft).Where(e => e.Field != reminderError.Field)]);
            return;
        }

        _saving = true;
        try
        {
            var result = _program is null ? await Programs.AssignAsync(_patient!.Id, draft) : await Programs.AdjustAsync(_program.Id, draft);
            _errors = new FieldErrors(result.Errors);
            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    Snackbar.Add(_program is null ? "Program assigned." : $"Saved as version {result.Value!.CurrentVersion}.", Severity.Success);
                    Navigation.NavigateTo($"programs/{result.Value!.Id}");
                    break;
                case SaveOutcome.Conflict:
                    _conflict = true;
                    break;
                case SaveOutcome.NotFound:
                    Navigation.NotFound();
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SaveTemplateAsync()
    {
        var result = await Templates.CreateAsync(_templateName, BuildDraft(out _));
        _templateErrors = new FieldErrors(result.Errors.Where(e => e.Field == "name").ToList());
        if (result.Outcome == SaveOutcome.Saved)
        {
            Snackbar.Add($"Saved as template \"{result.Value!.Name}\".", Severity.Success);
            _templateName = "";
            _templates = await Templates.ListAsync();
        }
        else if (result.Errors.Any(e => e.Field != "name"))
        {
            _errors = new FieldErrors(result.Errors);
        }
    }

    private ProgramDraft BuildDraft(out ValidationError? reminderError)
    {
        var (times, bad) = ReminderTimesText.Parse(_reminders);
        reminderError = bad is null ? null : new ValidationError("reminderTimes", ReminderTimesText.Problem(bad));
        _draft.ReminderTimes = times;
        _draft.Exercises = [.. _items];
        return _draft;
    }
}
