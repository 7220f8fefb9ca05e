namespace Prescriber.Web.Features.Patients;

/// <summary>What a signed patient link may do; a link for one purpose opens nothing else.</summary>
public enum PatientLinkPurpose
{
    /// <summary>Open today's routine and log it.</summary>
    Today,
    /// <summary>Turn reminder emails off.</summary>
    OptOut,
}
