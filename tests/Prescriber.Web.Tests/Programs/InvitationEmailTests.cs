using System.Net;
using System.Text.RegularExpressions;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Notifications;

namespace Prescriber.Web.Tests.Programs;

public abstract partial class InvitationEmailTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex(@"https?://\S+/invite/[A-Za-z0-9_-]+")]
    private static partial Regex InviteLink();

    [Fact]
    public async Task An_invitation_is_emailed_and_its_link_opens_the_sign_in_form()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var to = $"{Token()}@example.org";
        var patient = await clinician.CreatePatientAsync(to);

        Assert.Equal(HttpStatusCode.Created, (await clinician.Http.PostAsync($"/api/patients/{patient.Id}/invitations", null)).StatusCode);
        await DispatchAsync();

        var message = Assert.Single(Mailbox.To(to));
        Assert.Equal("Your home exercise plan: create your sign-in", message.Subject);
        var link = InviteLink().Match(message.TextBody ?? "").Value;
        Assert.Contains(link, message.HtmlBody ?? "", StringComparison.Ordinal);
        var visitor = App.CreateClient();
        Assert.Contains("Hello Ada Patient", await visitor.GetStringAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
    }
}

public sealed class InvitationEmailTestsOnSqlite(SqliteMailApp app) : InvitationEmailTests<SqliteMailApp>(app);

public sealed class InvitationEmailTestsOnPostgres(PostgresMailApp app) : InvitationEmailTests<PostgresMailApp>(app);
