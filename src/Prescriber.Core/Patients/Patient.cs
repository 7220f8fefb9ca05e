using Prescriber.Core.Clinics;

namespace Prescriber.Core.Patients;

/// <summary>A person the clinic prescribes for. Their sign-in account, if any, is linked by <see cref="UserId"/>.</summary>
public sealed class Patient : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Email in lower case: the per-clinic uniqueness key.</summary>
    public string NormalizedEmail { get; set; } = "";

    /// <summary>IANA zone; reminders and the patient's "today" are computed in it.</summary>
    public required string TimeZone { get; set; }

    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The patient turned reminder emails off (one click from any reminder).</summary>
    public bool RemindersOff { get; set; }

    public DateTime? RemindersOffAt { get; set; }

    /// <summary>No reminders up to and including this day of the patient's own calendar (a holiday); null when not paused.</summary>
    public DateOnly? RemindersPausedUntil { get; set; }
}
