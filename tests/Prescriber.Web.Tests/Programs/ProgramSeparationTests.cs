using System.Net;
using System.Net.Http.Json;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Programs;

public abstract class ProgramSeparationTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task Another_clinics_patient_program_and_template_ids_are_refused_on_every_page_and_endpoint()
    {
        var (clinicA, emailA) = await App.CreateClinicUserAsync();
        var (_, emailB) = await App.CreateClinicUserAsync();
        var a = new ProgramClient(await App.SignedInClientAsync(emailA));
        var b = new ProgramClient(await App.SignedInClientAsync(emailB));
        var library = await a.LibraryAsync();
        var patient = await a.CreatePatientAsync();
        var program = await a.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));
        var template = await (await a.Http.PostAsJsonAsync("/api/templates", new { name = "A's routine", program = ProgramClient.Draft(library["bird-dog"]) }, ProgramClient.Json))
            .Content.ReadFromJsonAsync<ProgramTemplate>(ProgramClient.Json);
        var draft = ProgramClient.Draft(library["bird-dog"]);
        draft.Revision = program.Revision;
        var patientDraft = new PatientDraft { Name = "Stolen", Email = "stolen@example.org", TimeZone = "Europe/London" };

        string[] pages =
        [
            $"/patients/{patient.Id}", $"/patients/{patient.Id}/programs/new", $"/programs/{program.Id}",
            $"/programs/{program.Id}/adjust", $"/programs/{program.Id}/print",
        ];
        foreach (var page in pages)
        {
            Assert.True((await a.Http.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"clinic A should open {page}");
            Assert.True((await b.Http.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, $"clinic B should get 404 for {page}");
        }

        var calls = new (string What, Func<HttpClient, Task<HttpResponseMessage>> Call)[]
        {
            ("GET patient", c => c.GetAsync($"/api/patients/{patient.Id}")),
            ("PUT patient", c => c.PutAsJsonAsync($"/api/patients/{patient.Id}", patientDraft, ProgramClient.Json)),
            ("POST invitation", c => c.PostAsync($"/api/patients/{patient.Id}/invitations", null)),
            ("GET patient programs", c => c.GetAsync($"/api/patients/{patient.Id}/programs")),
            ("POST patient program", c => c.PostAsJsonAsync($"/api/patients/{patient.Id}/programs", ProgramClient.Draft(library["bird-dog"]), ProgramClient.Json)),
            ("GET program", c => c.GetAsync($"/api/programs/{program.Id}")),
            ("PUT program", c => c.PutAsJsonAsync($"/api/programs/{program.Id}", draft, ProgramClient.Json)),
            ("GET changes", c => c.GetAsync($"/api/programs/{program.Id}/changes?from=1&to=1")),
            ("POST pause", c => c.PostAsync($"/api/programs/{program.Id}/pause", null)),
            ("POST resume", c => c.PostAsync($"/api/programs/{program.Id}/resume", null)),
            ("POST end", c => c.PostAsync($"/api/programs/{program.Id}/end", null)),
            ("PUT template", c => c.PutAsJsonAsync($"/api/templates/{template!.Id}", new { name = "Mine" }, ProgramClient.Json)),
            ("DELETE template", c => c.DeleteAsync($"/api/templates/{template!.Id}")),
            ("GET template draft", c => c.GetAsync($"/api/templates/{template!.Id}/draft")),
        };
        foreach (var (what, call) in calls)
        {
            Assert.True((await call(b.Http)).StatusCode == HttpStatusCode.NotFound, $"clinic B should get 404 for {what}");
        }

        var listB = (await b.Http.GetFromJsonAsync<Web.Features.Patients.PatientList>("/api/patients", ProgramClient.Json))!;
        Assert.DoesNotContain(listB.Items, p => p.Id == patient.Id);
        var templatesB = (await b.Http.GetFromJsonAsync<List<ProgramTemplate>>("/api/templates", ProgramClient.Json))!;
        Assert.DoesNotContain(templatesB, t => t.Id == template!.Id);

        var untouched = await a.GetAsync(program.Id);
        Assert.Equal(ProgramStatus.Active, untouched.Status);
        Assert.Single(untouched.Versions);
        Assert.NotEqual(Guid.Empty, clinicA);
    }

    [Fact]
    public async Task Patients_and_admins_cannot_use_the_clinician_pages_or_api()
    {
        var (clinicId, clinicianEmail) = await App.CreateClinicUserAsync();
        var (_, patientEmail) = await App.CreateClinicUserAsync(Roles.Patient, clinicId);
        var (_, adminEmail) = await App.CreateClinicUserAsync(Roles.Admin);
        var clinician = new ProgramClient(await App.SignedInClientAsync(clinicianEmail));
        var patient = await clinician.CreatePatientAsync();

        foreach (var email in new[] { patientEmail, adminEmail })
        {
            var client = await App.SignedInClientAsync(email);
            foreach (var page in new[] { "/patients", $"/patients/{patient.Id}", "/templates" })
            {
                var response = await client.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("AccessDenied", StringComparison.Ordinal),
                    $"{email} should be refused {page}");
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/patients")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/templates")).StatusCode);
        }
    }
}

public sealed class ProgramSeparationTestsOnSqlite(SqliteApp app) : ProgramSeparationTests<SqliteApp>(app);

public sealed class ProgramSeparationTestsOnPostgres(PostgresApp app) : ProgramSeparationTests<PostgresApp>(app);
