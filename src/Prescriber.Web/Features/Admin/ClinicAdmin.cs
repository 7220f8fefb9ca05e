using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prescriber.Core.Clinics;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Data;
using Prescriber.Data.Identity;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Admin;

/// <summary>
/// The administrator's part: clinics, and the clinicians who work in them. A new clinician gets
/// no password from anyone: an email asks them to choose one (Identity's reset token, one use).
/// </summary>
public sealed class ClinicAdmin(
    IDbContextFactory<AppDbContext> contexts,
    UserManager<AppUser> users,
    Account.AccountEmailSender email,
    IOptions<AppOptions> app,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ClinicSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinicianRole = await db.Roles.Where(r => r.Name == Roles.Clinician).Select(r => r.Id).SingleAsync(cancellationToken);
        // Admins have no clinic: they look across clinics on purpose, by name only.
        return await db.Clinics.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new ClinicSummary(
                c.Id, c.Name, c.TimeZone,
                db.Users.Count(u => u.ClinicId == c.Id && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == clinicianRole)),
                db.Patients.IgnoreQueryFilters().Count(p => p.ClinicId == c.Id),
                c.RequireTwoFactor,
                db.Users.Count(u => u.ClinicId == c.Id && u.TwoFactorEnabled && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == clinicianRole))))
            .ToListAsync(cancellationToken);
    }

    public async Task<SaveResult<Clinic>> CreateClinicAsync(NewClinic input, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors.Add(new("name", "is required (at most 200 characters)"));
        }

        if (!PatientRules.IsTimeZone(input.TimeZone))
        {
            errors.Add(new("timeZone", "must be a time zone from the list, such as Europe/London or America/New_York"));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = input.Name?.Trim() ?? "";
        if (errors.Count == 0 && await db.Clinics.AnyAsync(c => c.Name == name, cancellationToken))
        {
            errors.Add(new("name", "another clinic already has this name"));
        }

        if (errors.Count > 0)
        {
            return SaveResult<Clinic>.Invalid(errors);
        }

        var clinic = new Clinic { Name = name, TimeZone = PatientRules.CanonicalTimeZone(input.TimeZone), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Clinic>.Saved(clinic);
    }

    /// <summary>
    /// Turns the clinic's two-factor requirement on or off. It applies from the clinician's next
    /// request: one without an authenticator is sent to set it up before anything else.
    /// </summary>
    public async Task<SaveResult<Clinic>> RequireTwoFactorAsync(Guid clinicId, bool required, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Id == clinicId, cancellationToken);
        if (clinic is null)
        {
            return SaveResult<Clinic>.NotFound;
        }

        clinic.RequireTwoFactor = required;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Clinic>.Saved(clinic);
    }

    public async Task<SaveResult<AppUser>> AddClinicianAsync(Guid clinicId, NewClinician input, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Clinics.AnyAsync(c => c.Id == clinicId, cancellationToken))
            {
                return SaveResult<AppUser>.NotFound;
            }
        }

        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors.Add(new("name", "is required (at most 200 characters)"));
        }

        if (!PatientRules.IsEmail(input.Email))
        {
            errors.Add(new("email", "must be an email address like name@example.org"));
        }
        else if (await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            errors.Add(new("email", "someone already signs in with this email"));
        }

        if (errors.Count > 0)
        {
            return SaveResult<AppUser>.Invalid(errors);
        }

        var address = input.Email.Trim();
        var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = input.Name.Trim(), ClinicId = clinicId };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return SaveResult<AppUser>.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Clinician);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await email.SendWelcomeLinkAsync(user, address, app.Value.Link($"Account/ResetPassword?code={token}"));
        return SaveResult<AppUser>.Saved(user);
    }
}
