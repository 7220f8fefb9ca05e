namespace Prescriber.Web.Features.Admin;

public sealed record TwoFactorRequirementInput(bool Required);
