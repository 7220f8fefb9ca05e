using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Clinics;
using Prescriber.Core.Programs;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Library;
using Prescriber.Web.Tests.Programs;

namespace Prescriber.Web.Tests.Security;

/// <summary>
/// Every routable page and endpoint, found from the app's own route table, against every role and
/// against another clinic's ids. A new page or endpoint without authorization fails here unless it
/// is added, on purpose, to the public list below.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The pages and endpoints anyone may open. Each is public for a reason written beside it.</summary>
    private static readonly Dictionary<string, string> Public = new()
    {
        ["/"] = "the landing page",
        ["/not-found"] = "the 404 page",
        ["/Error"] = "the error page",
        ["/health"] = "health checks for load balancers",
        ["/openapi/{documentName}.json"] = "the API description",
        ["/setup/{Token}"] = "first admin, guarded by a one-time token",
        ["/invite/{Token}"] = "patient invitation, guarded by a one-time token",
        ["/today"] = "redirects to sign-in without a patient",
        ["/today/{Token}"] = "patient link, guarded by a signed token",
        ["/signin-link"] = "asks for an emailed sign-in link",
        ["/signin-link/{Token}"] = "emailed sign-in link, guarded by a one-time token",
        ["/reminders/off/{token}"] = "one-click reminder opt-out, guarded by a signed token",
        ["/reminders/off/{Token}"] = "one-click reminder opt-out, guarded by a signed token",
        ["/api/sessions/"] = "logging API: checks the patient's link token or sign-in itself",
        ["/api/sessions/{id:guid}/screening"] = "logging API: checks the patient's link token or sign-in itself",
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task An_unknown_address_gets_the_not_found_page_and_an_unknown_api_path_a_bare_404()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { "/no-such-page", "/history" })
        {
            var page = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("This page does not exist", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var api = await anonymous.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("This page does not exist", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_endpoint_requires_authorization_unless_it_is_listed_as_public()
    {
        var unguarded = Routes()
            .Where(r => !Public.ContainsKey(r.Pattern) && !r.Pattern.StartsWith("/Account", StringComparison.Ordinal))
            .Where(r => r.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null || r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(r => r.Pattern)
            .Distinct()
            .ToList();

        Assert.True(unguarded.Count == 0, "Endpoints without authorization: " + string.Join(", ", unguarded));
        Assert.Contains(Routes(), r => r.Pattern == "/patients/{Id:guid}");
    }

    [Fact]
    public async Task Strangers_patients_and_other_clinics_are_refused_everywhere()
    {
        var a = await ClinicWithDataAsync();
        var (clinicB, emailB) = await app.CreateClinicUserAsync();
        var (_, patientEmail) = await app.CreateClinicUserAsync(Roles.Patient, clinicB);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var otherClinic = await app.SignedInClientAsync(emailB);
        var patient = await app.SignedInClientAsync(patientEmail);
        var checkedRoutes = 0;

        foreach (var route in Routes().Where(r => !Public.ContainsKey(r.Pattern) && !r.Pattern.StartsWith("/Account", StringComparison.Ordinal)))
        {
            var path = Parameter().Replace(route.Pattern, m => a.IdFor(route.Pattern, m.Value));
            foreach (var method in route.Methods)
            {
                checkedRoutes++;
                var stranger = await SendAsync(anonymous, method, path);
                Assert.True(IsRefusal(stranger, signIn: true), $"anonymous {method} {path}: {(int)stranger.StatusCode}");

                if (!route.AllowsPatients)
                {
                    var asPatient = await SendAsync(patient, method, path);
                    Assert.True(IsRefusal(asPatient, signIn: false), $"patient {method} {path}: {(int)asPatient.StatusCode}");
                }

                if (route.Pattern.Contains('{', StringComparison.Ordinal) && route.AllowsClinicians)
                {
                    var asOtherClinic = await SendAsync(otherClinic, method, path);
                    Assert.True(asOtherClinic.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                        $"clinic B {method} {path}: {(int)asOtherClinic.StatusCode}");
                }
            }
        }

        Assert.True(checkedRoutes > 30, $"only {checkedRoutes} routes checked");
    }

    private static bool IsRefusal(HttpResponseMessage response, bool signIn) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.ToString().Contains(signIn ? "Account/Login" : "Account/AccessDenied", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        return await client.SendAsync(request);
    }

    private IEnumerable<Route> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new Route(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD" && m != "OPTIONS").ToList() ?? ["GET"]))
            // Framework plumbing: the circuit hub, static files and Identity's own form endpoints.
            .Where(r => !r.Pattern.StartsWith("/_", StringComparison.Ordinal) && !r.Pattern.Contains(":file}", StringComparison.Ordinal) && !Path.HasExtension(r.Pattern.Split('/')[^1].Replace("{", "", StringComparison.Ordinal)));

    private sealed record Route(string Pattern, RouteEndpoint Endpoint, IReadOnlyList<string> Methods)
    {
        private List<string> RolesAllowed => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        public bool AllowsPatients => RolesAllowed.Count == 0 || RolesAllowed.Contains(Roles.Patient);

        public bool AllowsClinicians => RolesAllowed.Count == 0 || RolesAllowed.Contains(Roles.Clinician);
    }

    /// <summary>Clinic A with one of everything, so routes with ids get real ids of another clinic.</summary>
    private async Task<ClinicData> ClinicWithDataAsync()
    {
        var (_, email) = await app.CreateClinicUserAsync();
        var client = new ProgramClient(await app.SignedInClientAsync(email));
        var library = await client.LibraryAsync();
        var exercise = await CustomExercises.CreateAsync(client.Http);
        var patient = await client.CreatePatientAsync();
        var program = await client.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));
        var template = await (await client.Http.PostAsJsonAsync("/api/templates", new { name = "A", program = ProgramClient.Draft(library["bird-dog"]) }, ProgramClient.Json))
            .Content.ReadFromJsonAsync<ProgramTemplate>(ProgramClient.Json);
        return new ClinicData(patient.Id, program.Id, exercise.Id, template!.Id);
    }

    private sealed record ClinicData(Guid Patient, Guid Program, Guid Exercise, Guid Template)
    {
        public string IdFor(string pattern, string parameter)
        {
            if (!parameter.Contains("guid", StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Contains("from", StringComparison.OrdinalIgnoreCase) || parameter.Contains("to", StringComparison.OrdinalIgnoreCase) ? "1" : "x";
            }

            var id = pattern switch
            {
                _ when pattern.Contains("patient", StringComparison.OrdinalIgnoreCase) => Patient,
                _ when pattern.Contains("program", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/plan", StringComparison.Ordinal) => Program,
                _ when pattern.Contains("library", StringComparison.OrdinalIgnoreCase) => Exercise,
                _ when pattern.Contains("template", StringComparison.OrdinalIgnoreCase) => Template,
                _ => Guid.NewGuid(),
            };
            return id.ToString();
        }
    }
}
