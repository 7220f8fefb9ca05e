using Prescriber.Core.Library;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

public sealed record LogResult(LogOutcome Outcome, SessionLog? Session = null, IReadOnlyList<ValidationError>? Errors = null, ScreeningTrigger? Trigger = null)
{
    public IReadOnlyList<ValidationError> Errors { get; init; } = Errors ?? [];

    public bool NeedsScreening => Session?.Screening == ScreeningState.Pending;
}
