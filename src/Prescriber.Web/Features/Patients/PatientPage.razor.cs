using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Programs;

namespace Prescriber.Web.Features.Patients;

public sealed partial class PatientPage
{
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private PatientService Patients { get; set; } = default!;

    [Inject]
    private ProgramService Programs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private Patient? _patient;
    private IReadOnlyList<ExerciseProgram> _programs = [];
    private PatientInvitation? _invitation;
    private PatientDraft _draft = new();
    private FieldErrors _errors = FieldErrors.None;
    private bool _editing;
    private string? _link;
    private DateTime? _linkExpires;

    protected override async Task OnParametersSetAsync()
    {
        _patient = await Patients.FindAsync(Id);
        if (_patient is null)
        {
            Navigation.NotFound();
            return;
        }

        _programs = await Programs.ListForPatientAsync(Id);
        _invitation = await Patients.LatestInvitationAsync(Id);
    }

    private void StartEditing()
    {
        _draft = new PatientDraft
        {
            Name = _patient!.Name,
            Email = _patient.Email,
            TimeZone = _patient.TimeZone,
            Phone = _patient.Phone,
            DateOfBirth = _patient.DateOfBirth,
        };
        _errors = FieldErrors.None;
        _editing = true;
    }

    private async Task SaveAsync()
    {
        var result = await Patients.UpdateAsync(Id, _draft);
        _errors = new FieldErrors(result.Errors);
        if (result.Outcome == SaveOutcome.Saved)
        {
            _patient = result.Value;
            _editing = false;
        }
    }

    private async Task InviteAsync()
    {
        var result = await Patients.InviteAsync(Id);
        if (result.Value is { } issued)
        {
            // Emailed through the outbox; shown too, for a patient who is in the room.
            _link = issued.Link;
            _linkExpires = issued.ExpiresAt;
            _invitation = await Patients.LatestInvitationAsync(Id);
        }
    }

    private static Color StatusColor(ProgramStatus status) => status switch
    {
        ProgramStatus.Active => Color.Success,
        ProgramStatus.Paused => Color.Warning,
        _ => Color.Default,
    };
}
