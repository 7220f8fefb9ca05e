namespace Prescriber.Web.Features.Patients;

/// <summary>One page of a server-side paged list.</summary>
public sealed record PatientList(IReadOnlyList<PatientSummary> Items, int Total);
