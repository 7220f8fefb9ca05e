namespace Prescriber.Web.Features.Admin;

public sealed class NewClinician
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";
}
