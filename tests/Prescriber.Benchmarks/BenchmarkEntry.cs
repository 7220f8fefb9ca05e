namespace Prescriber.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Prescriber.Benchmarks -- reminders 10000 100000` or `-- logging` or `-- review`.
/// Numbers alone (the older form) run the reminder benchmark.
/// </summary>
public static class BenchmarkEntry
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "logging" => LoggingBenchmark.RunAsync(args[1..]),
        "review" => ReviewBenchmark.RunAsync(args[1..]),
        "reminders" => ReminderBenchmark.RunAsync(args[1..]),
        _ => ReminderBenchmark.RunAsync(args),
    };
}
