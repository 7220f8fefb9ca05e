using Prescriber.Core.Flags;
using Prescriber.Core.Patients;

namespace Prescriber.Web.Features.Review;

/// <summary>Everything the patient review page and the exports show about one patient.</summary>
public sealed record PatientReview(Patient Patient, PatientHistory History, IReadOnlyList<Flag> Flags, DateOnly Today);
