using System.Net;
using System.Text.RegularExpressions;

namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>Posts the real, statically rendered sign-in form with its antiforgery token.</summary>
public static partial class SignIn
{
    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path) =>
        AntiforgeryTokenIn(await client.GetStringAsync(path), path);

    /// <summary>The antiforgery token of a page already fetched.</summary>
    public static string AntiforgeryTokenIn(string html, string where = "the page")
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {where}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }
}
