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

    /// <summary>
    /// An absolute link to a path of the app, for emails and printouts. Joined as text, not
    /// through <see cref="Uri"/>: the paths are the app's own (tokens are URL-safe). A wave of
    /// reminders makes two links an email; parsing two URIs for each was about 7% of the scan's CPU
    /// in a profile.
    /// </summary>
    public string Link(string path) => $"{PublicBaseUrl!.TrimEnd('/')}/{path.TrimStart('/')}";
}
