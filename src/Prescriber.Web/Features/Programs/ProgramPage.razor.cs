using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Programs;

public sealed partial class ProgramPage
{
    [Parameter]
    public Guid Id { get; set; }

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

    private ExerciseProgram? _program;
    private Patient? _patient;
    private IReadOnlyList<ProgramChange> _changes = [];
    private int _from;
    private int _to;
    private string? _pauseReason;
    private string? _problem;
    private bool _confirmEnd;
    private string _templateName = "";
    private FieldErrors _templateErrors = FieldErrors.None;

    private ProgramVersion? Current => _program?.Versions.FirstOrDefault(v => v.Number == _program.CurrentVersion);

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (_program is null)
        {
            Navigation.NotFound();
        }
    }

    private async Task LoadAsync()
    {
        _program = await Programs.FindAsync(Id);
        _patient = _program is null ? null : await Patients.FindAsync(_program.PatientId);
        if (_program is { CurrentVersion: > 1 })
        {
            await CompareAsync(_program.CurrentVersion - 1, _program.CurrentVersion);
        }
    }

    private async Task CompareAsync(int from, int to)
    {
        (_from, _to) = (from, to);
        _changes = (await Programs.CompareAsync(Id, from, to)).Value ?? [];
    }

    private Task PauseAsync() => ApplyAsync(Programs.PauseAsync(Id, _pauseReason), "Paused: no reminders, and these days do not count against adherence.");

    private Task ResumeAsync() => ApplyAsync(Programs.ResumeAsync(Id), "Resumed.");

    private async Task EndAsync()
    {
        if (!_confirmEnd)
        {
            _confirmEnd = true;
            return;
        }

        _confirmEnd = false;
        await ApplyAsync(Programs.EndAsync(Id), "Program ended.");
    }

    private async Task ApplyAsync(Task<SaveResult<ExerciseProgram>> change, string done)
    {
        var result = await change;
        _problem = result.Errors.Count > 0 ? result.Errors[0].Message : null;
        if (result.Outcome == SaveOutcome.Saved)
        {
            Snackbar.Add(done, Severity.Success);
            _pauseReason = null;
            await LoadAsync();
        }
    }

    private async Task SaveTemplateAsync()
    {
        var current = Current!;
        var draft = new ProgramDraft
        {
            TimesPerDay = current.TimesPerDay,
            Days = current.Days,
            Exercises = current.Exercises.Select(PrescriptionDraft.From).ToList(),
        };
        var result = await Templates.CreateAsync(_templateName, draft);
        _templateErrors = new FieldErrors(result.Errors);
        if (result.Outcome == SaveOutcome.Saved)
        {
            Snackbar.Add($"Saved as template \"{result.Value!.Name}\".", Severity.Success);
            _templateName = "";
        }
    }
}
