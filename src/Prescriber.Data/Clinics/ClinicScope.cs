namespace Prescriber.Data.Clinics;

/// <summary>
/// The clinic whose data this unit of work may see. Set once per request or circuit from the
/// signed-in user; left empty for admins and background jobs, which then see no clinical rows
/// unless they ask for them explicitly with IgnoreQueryFilters.
/// </summary>
public sealed class ClinicScope
{
    public Guid? ClinicId { get; private set; }

    /// <summary>The signed-in user's id, for "created by" and the audit trail; null for jobs.</summary>
    public string? UserId { get; private set; }

    public void Enter(Guid? clinicId, string? userId = null)
    {
        ClinicId = clinicId;
        UserId = userId;
    }
}
