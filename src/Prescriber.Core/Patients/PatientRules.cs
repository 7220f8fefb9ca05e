using System.Net.Mail;
using Prescriber.Core.Library;

namespace Prescriber.Core.Patients;

public static class PatientRules
{
    public static IReadOnlyList<ValidationError> Validate(PatientDraft draft, DateOnly today)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "is required"));
        }
        else if (draft.Name.Trim().Length > 200)
        {
            errors.Add(new("name", "must be at most 200 characters"));
        }

        if (!IsEmail(draft.Email))
        {
            errors.Add(new("email", "must be an email address like name@example.org"));
        }

        if (!IsTimeZone(draft.TimeZone))
        {
            errors.Add(new("timeZone", "must be a time zone from the list, such as Europe/London or America/New_York"));
        }

        if (draft.Phone is { Length: > 0 } phone && (phone.Length > 32 || phone.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))))
        {
            errors.Add(new("phone", "may hold digits, spaces and + - ( ) only"));
        }

        if (draft.DateOfBirth is { } born && (born > today || born < today.AddYears(-130)))
        {
            errors.Add(new("dateOfBirth", "must be a real date in the past"));
        }

        return errors;
    }

    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 254
        && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// The zone's id as the time zone database spells it ("europe/london" is Europe/London), so
    /// every page and email shows one spelling; the trimmed text when no zone matches it.
    /// </summary>
    public static string CanonicalTimeZone(string id)
    {
        var trimmed = id.Trim();
        return TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, trimmed, StringComparison.OrdinalIgnoreCase))?.Id ?? trimmed;
    }

    /// <summary>Only IANA ids: Windows names would work on some servers and not on others.</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && CanonicalTimeZone(id) is var canonical
        && (canonical == "UTC" || canonical.Contains('/', StringComparison.Ordinal))
        && TimeZoneInfo.TryFindSystemTimeZoneById(canonical, out var zone) && zone.HasIanaId;
}
