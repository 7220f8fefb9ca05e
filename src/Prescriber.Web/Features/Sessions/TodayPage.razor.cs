using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Prescriber.Core.Patients;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// The patient's everyday page, opened from an email link or after signing in. Statically
/// rendered (no live connection): it opens fast on an old phone, and one submit stores the
/// whole session; the idempotency key made at render time makes a double tap store it once.
/// </summary>
public sealed partial class TodayPage
{
    private enum Stage { Form, Screening, Done }

    [Parameter]
    public string? Token { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "log")]
    private TodayInput Input { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "screening")]
    private ScreeningInput Screening { get; set; } = default!;

    [Inject]
    private PatientAccess Access { get; set; } = default!;

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private PatientGrant? _grant;
    private TodayView? _view;
    private bool _denied;
    private Stage _stage;
    private FieldErrors _errors = FieldErrors.None;
    private Guid _sessionId;
    private string? _reasons;
    private string? _atOnce;
    private ScreeningResult? _result;
    private string? _savedDate;
    private string? _savedStatus;

    private string DefaultDate => _view!.LoggableDates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        Input ??= new TodayInput();
        Screening ??= new ScreeningInput();
        var user = (await Authentication).User;
        if (Token is null && !user.IsInRole(Core.Clinics.Roles.Patient))
        {
            Navigation.NavigateTo($"Account/Login?ReturnUrl={Uri.EscapeDataString("/today")}", forceLoad: true);
            return;
        }

        _grant = await Access.ResolveAsync(user, Token);
        if (_grant is null)
        {
            _denied = true;
            return;
        }

        _view = await Sessions.TodayAsync(_grant.Patient, _grant.ProgramId);
        if (Screening.SessionId != Guid.Empty)
        {
            // A posted checklist: its form must be in the first render for Blazor to find its handler.
            _stage = Stage.Screening;
            _sessionId = Screening.SessionId;
        }
        if (string.IsNullOrEmpty(Input.IdempotencyKey))
        {
            Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        }
    }

    private async Task LogAsync()
    {
        if (_grant is null || _view is null)
        {
            return;
        }

        var result = await Sessions.LogAsync(_grant.Patient, Input.ToSubmission(_view.Program.Id));
        _errors = new FieldErrors(result.Errors);
        if (result.Outcome is LogOutcome.Saved or LogOutcome.AlreadySaved)
        {
            var session = result.Session!;
            _sessionId = session.Id;
            _savedDate = SavedDay(session.LocalDate);
            _savedStatus = SessionText.Of(session.Status);
            _reasons = result.Trigger is { Needed: true } trigger ? Listed(trigger.Reasons) : null;
            _atOnce = SafetyChecklist.AtOnce(session.Note);
            _stage = result.NeedsScreening ? Stage.Screening : Stage.Done;
        }
    }

    private async Task AnswerAsync()
    {
        if (_grant is null)
        {
            return;
        }

        _result = await Sessions.AnswerAsync(_grant.Patient, Screening.SessionId, Screening.YesNumbers());
        _stage = Stage.Done;
        if (_result is not null)
        {
            // A new request (the checklist is its own form post): the day and status come from the stored session.
            _savedDate = SavedDay(_result.LocalDate);
            _savedStatus = SessionText.Of(_result.Status);
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listed(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string SavedDay(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    private static string DayName(int daysBack, DateOnly date) => daysBack switch
    {
        0 => $"Today ({date.ToString("ddd d MMM", CultureInfo.InvariantCulture)})",
        1 => $"Yesterday ({date.ToString("ddd d MMM", CultureInfo.InvariantCulture)})",
        _ => date.ToString("dddd d MMM", CultureInfo.InvariantCulture),
    };
}
