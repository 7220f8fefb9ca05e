namespace Prescriber.Web.Features.Review;

/// <summary>Paging, sorting (a <see cref="MyPatientRow"/> property name) and filtering of "My patients".</summary>
public sealed record MyPatientsQuery(string? Text = null, bool FlaggedOnly = false, string? SortBy = null, bool Descending = false, int Page = 0, int PageSize = 25);
