namespace Prescriber.Core.Flags;

public enum FlagStatus
{
    Open,
    Acknowledged,
    Resolved,
}
