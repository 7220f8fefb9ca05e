namespace Prescriber.Web.Features.Patients;

/// <summary>A fresh invitation: the token for the link (shown once) and when it stops working.</summary>
public sealed record InvitationIssued(string Token, string Link, DateTime ExpiresAt);
