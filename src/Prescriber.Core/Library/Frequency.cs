namespace Prescriber.Core.Library;

/// <summary>How often sessions happen: patients asked "once or twice a day?", so it is always stated.</summary>
public sealed record Frequency
{
    public int TimesPerDay { get; init; } = 1;

    public int DaysPerWeek { get; init; } = 7;

    public override string ToString() =>
        (TimesPerDay == 1 ? "once a day" : TimesPerDay == 2 ? "twice a day" : $"{TimesPerDay} times a day")
        + (DaysPerWeek == 7 ? ", every day" : $", {DaysPerWeek} days a week");
}
