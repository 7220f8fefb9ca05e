namespace Prescriber.Core.Clinics;

/// <summary>The three roles of the product. Admins run the installation, not a clinic's care.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public const string Patient = "Patient";

    public static readonly IReadOnlyList<string> All = [Admin, Clinician, Patient];
}
