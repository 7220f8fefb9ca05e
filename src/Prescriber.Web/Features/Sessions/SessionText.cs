using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

public static class SessionText
{
    public static string Of(SkipReason reason) => reason switch
    {
        SkipReason.Pain => "It hurt",
        SkipReason.Forgot => "I forgot",
        SkipReason.NoTime => "No time",
        SkipReason.FeltBetter => "I felt better",
        SkipReason.Unwell => "I felt unwell",
        SkipReason.UnsureHow => "Not sure how to do it",
        SkipReason.NoEquipment => "No equipment",
        _ => reason.ToString(),
    };

    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Completed => "done",
        SessionStatus.Partial => "partly done",
        _ => "skipped",
    };
}
