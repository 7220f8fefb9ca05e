namespace Prescriber.Web.Features.Admin;

public sealed class NewClinic
{
    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "America/New_York";
}
