namespace Prescriber.Web.Features.Notifications;

/// <summary>An address that no server will ever accept: the message fails without a retry.</summary>
public sealed class InvalidRecipientException(string message) : Exception(message);
