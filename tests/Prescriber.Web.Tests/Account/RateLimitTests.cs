using System.Net;
using System.Net.Http.Json;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Account;

/// <summary>The limits on sign-in forms and patient doors engage (a small limit, so the test is quick).</summary>
public sealed class RateLimitTests(RateLimitTests.TightApp app) : IClassFixture<RateLimitTests.TightApp>
{
    public sealed class TightApp : SqliteApp
    {
        protected override string RateLimit => "3";
    }

    [Fact]
    public async Task Sign_in_posts_past_the_limit_are_refused_with_429()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignIn.PostAsync(client, "nobody@example.org", "Wrong-password-1")).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task The_logging_api_past_the_limit_is_refused_with_429()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/sessions", new { })).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/sessions\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/library/exercises\"", document, StringComparison.Ordinal);
        Assert.Contains("Log a session", document, StringComparison.Ordinal);
    }
}
