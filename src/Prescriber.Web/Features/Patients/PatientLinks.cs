using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Prescriber.Core.Patients;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Patients;

/// <summary>
/// Signed, expiring, single-purpose links for patients: the everyday way in needs no password.
/// The token is encrypted and authenticated with the app's data-protection keys (kept in the
/// database, so every node reads every link); the purpose is part of the key, so a link made for
/// one purpose cannot be read as another, and the expiry is checked against the app's clock.
/// </summary>
public sealed class PatientLinks(IDataProtectionProvider protection, IOptions<AppOptions> app, TimeProvider time)
{
    // One protector per purpose, made once: a reminder wave signs two links an email.
    private readonly Dictionary<PatientLinkPurpose, IDataProtector> _protectors = Enum.GetValues<PatientLinkPurpose>()
        .ToDictionary(p => p, p => protection.CreateProtector("Prescriber.PatientLink", p.ToString()));

    public string CreateToken(PatientLinkPurpose purpose, Guid patientId, Guid? programId, DateTimeOffset expiresAt)
    {
        var payload = string.Join('|', "v1", patientId.ToString("N"), programId?.ToString("N") ?? "", expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Protector(purpose).Protect(payload);
    }

    /// <summary>An absolute URL for a link: /today/{token} or /reminders/off/{token}.</summary>
    public string CreateUrl(PatientLinkPurpose purpose, Guid patientId, Guid? programId, DateTimeOffset expiresAt) =>
        app.Value.Link($"{PathOf(purpose)}/{CreateToken(purpose, patientId, programId, expiresAt)}");

    /// <summary>The link's grant, or null when it is tampered with, expired, or made for another purpose.</summary>
    public PatientLink? Read(PatientLinkPurpose purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector(purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] != "v1" || !Guid.TryParseExact(parts[1], "N", out var patientId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (expiresAt <= time.GetUtcNow())
        {
            return null;
        }

        Guid? programId = Guid.TryParseExact(parts[2], "N", out var program) ? program : null;
        return new PatientLink(purpose, patientId, programId, expiresAt);
    }

    /// <summary>A reminder's link lasts until the end of the patient's next local day.</summary>
    public static DateTimeOffset EndOfNextLocalDay(DateTimeOffset now, string timeZone)
    {
        var zone = PatientTime.Zone(timeZone);
        var dayAfterTomorrow = PatientTime.Today(now, timeZone).AddDays(2).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(dayAfterTomorrow, zone.GetUtcOffset(dayAfterTomorrow));
    }

    public static string PathOf(PatientLinkPurpose purpose) => purpose switch
    {
        PatientLinkPurpose.Today => "today",
        PatientLinkPurpose.OptOut => "reminders/off",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    private IDataProtector Protector(PatientLinkPurpose purpose) => _protectors[purpose];
}
