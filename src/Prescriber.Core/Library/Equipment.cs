namespace Prescriber.Core.Library;

/// <summary>A piece of equipment with what a patient can use at home instead.</summary>
public sealed record Equipment
{
    public required string Name { get; init; }

    public List<string> Substitutes { get; init; } = [];
}
