using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Data;
using Prescriber.Data.Identity;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Patients;

/// <summary>
/// Turns an invitation link into the patient's own sign-in. The visitor is anonymous, so this is
/// one of the few places that looks past the clinic filter, and only by the token's hash.
/// </summary>
public sealed class InvitationAcceptance(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public async Task<Patient?> PatientForAsync(string token)
    {
        var invitation = await FindValidAsync(token);
        return invitation is null ? null : await db.Patients.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == invitation.PatientId && p.UserId == null);
    }

    public async Task<SaveResult<AppUser>> AcceptAsync(string token, string password)
    {
        var patient = await PatientForAsync(token);
        if (patient is null)
        {
            return SaveResult<AppUser>.NotFound;
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, new AppUser(), password)).Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return SaveResult<AppUser>.Invalid("password", string.Join(" ", problems));
        }

        if (await users.FindByEmailAsync(patient.Email) is not null)
        {
            return SaveResult<AppUser>.Invalid("email", "an account with this email exists already; sign in with it, or ask your clinic to change the email on your record");
        }

        // Spend the token first with one conditional update: a double submit creates one account.
        var hash = OneTimeToken.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var spent = await db.PatientInvitations.IgnoreQueryFilters()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now));
        if (spent != 1)
        {
            return SaveResult<AppUser>.NotFound;
        }

        var user = new AppUser { UserName = patient.Email, Email = patient.Email, EmailConfirmed = true, DisplayName = patient.Name, ClinicId = patient.ClinicId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return SaveResult<AppUser>.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Patient);
        patient.UserId = user.Id;
        await db.SaveChangesAsync();
        return SaveResult<AppUser>.Saved(user);
    }

    private Task<PatientInvitation?> FindValidAsync(string token)
    {
        var hash = OneTimeToken.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return db.PatientInvitations.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now);
    }
}
