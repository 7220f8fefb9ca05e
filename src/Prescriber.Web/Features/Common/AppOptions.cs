namespace Prescriber.Web.Features.Common;

/// <summary>Settings of the installation as a whole.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The address patients and clinicians reach the app at (https://hep.example-clinic.org):
    /// every link in an email starts with it. Required in Production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public Uri BaseUri => new(PublicBaseUrl!.TrimEnd('/') + "/");

    /// <summary>An absolute link to a path of the app, for emails and printouts.</summary>
    public string Link(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();
}
