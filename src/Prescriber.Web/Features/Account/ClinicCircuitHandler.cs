using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Prescriber.Data.Clinics;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Interactive pages run in a circuit, outside any HTTP request: this sets the circuit's clinic
/// from its user before the first render, and again whenever the user changes (sign-out, revalidation).
/// </summary>
internal sealed class ClinicCircuitHandler(AuthenticationStateProvider authentication, ClinicScope scope) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        var state = await authentication.GetAuthenticationStateAsync();
        scope.Enter(state.User.GetClinicId(), state.User.GetUserId());
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => scope.Enter(t.IsCompletedSuccessfully ? t.Result.User.GetClinicId() : null, t.IsCompletedSuccessfully ? t.Result.User.GetUserId() : null), TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}
