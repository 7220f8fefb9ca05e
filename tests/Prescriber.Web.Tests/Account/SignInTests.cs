using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Data.Identity;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Account;

public abstract class SignInTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < 4; i++)
        {
            var wrong = await SignIn.PostAsync(client, email, "Wrong-password-1");
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await SignIn.PostAsync(client, email, "Wrong-password-1");
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.ToString(), StringComparison.Ordinal);

        var right = await SignIn.PostAsync(client, email, PrescriberApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.ToString(), StringComparison.Ordinal);
        var lockedOut = await App.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.True(lockedOut);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/library/exercises")).StatusCode);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_says_so()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var wrong = await SignIn.PostAsync(client, email, "Wrong-password-1");
        var refused = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Invalid login attempt", refused, StringComparison.Ordinal);
        // The refused form comes back without the password typed into it.
        Assert.Contains(email, refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-password-1", refused, StringComparison.Ordinal);

        var right = await SignIn.PostAsync(client, email, PrescriberApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/library")).StatusCode);
    }

    [Fact]
    public async Task Clinician_pages_send_strangers_to_sign_in()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/library");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
