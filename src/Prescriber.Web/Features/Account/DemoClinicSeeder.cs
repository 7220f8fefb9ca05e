using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Data;
using Prescriber.Data.Identity;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Development only: a demo clinic with an admin, a clinician and four patients with three weeks
/// of logs (<see cref="DemoPatients"/>), so a first look needs no setup.
/// Their passwords are drawn anew at every start and printed to the console; nothing is fixed in code.
/// </summary>
internal sealed class DemoClinicSeeder(IServiceProvider services, TimeProvider time, ILogger<DemoClinicSeeder> log) : IHostedLifecycleService
{
    public const string ClinicName = "Demo Clinic";
    public const string ClinicianEmail = "clinician@demo.prescriber.test";
    public const string AdminEmail = "admin@demo.prescriber.test";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var clinic = await db.Clinics.FirstOrDefaultAsync(c => c.Name == ClinicName, cancellationToken);
        if (clinic is null)
        {
            clinic = new Clinic { Name = ClinicName, TimeZone = "America/New_York", CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Clinics.Add(clinic);
            await db.SaveChangesAsync(cancellationToken);
        }

        await DemoPatients.SeedAsync(db, clinic, time.GetUtcNow(), cancellationToken);
        // The silence flags a clinic would have had by now, rather than at the job's next hour.
        await scope.ServiceProvider.GetRequiredService<Review.SilenceFlagJob>().RunAsync(cancellationToken);
        var clinicianPassword = await EnsureUserAsync(users, ClinicianEmail, "Sam Rivera, PT", clinic.Id, Roles.Clinician);
        var adminPassword = await EnsureUserAsync(users, AdminEmail, "Demo administrator", null, Roles.Admin);

        log.LogWarning(
            "Demo sign-in (Development only, new passwords every start):\n    clinician: {ClinicianEmail} / {ClinicianPassword}\n    admin:     {AdminEmail} / {AdminPassword}",
            ClinicianEmail, clinicianPassword, AdminEmail, adminPassword);
    }

    private static async Task<string> EnsureUserAsync(UserManager<AppUser> users, string email, string name, Guid? clinicId, string role)
    {
        var password = $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant()}-{RandomNumberGenerator.GetInt32(10, 100)}";
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ClinicId = clinicId };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not prepare the demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return password;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
