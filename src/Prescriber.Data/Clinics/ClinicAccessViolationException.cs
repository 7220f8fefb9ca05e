namespace Prescriber.Data.Clinics;

/// <summary>Raised when a unit of work scoped to one clinic tries to write another clinic's row.</summary>
public sealed class ClinicAccessViolationException(string message) : InvalidOperationException(message);
