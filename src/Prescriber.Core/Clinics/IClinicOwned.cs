namespace Prescriber.Core.Clinics;

/// <summary>
/// A clinical row that belongs to exactly one clinic. The data layer stamps the clinic on insert,
/// refuses writes into another clinic and hides other clinics' rows from every query.
/// </summary>
public interface IClinicOwned
{
    Guid ClinicId { get; set; }
}
