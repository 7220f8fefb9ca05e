using System.Diagnostics;
using System.Globalization;

namespace Prescriber.Benchmarks;

/// <summary>
/// CPU time used so far by this process and by the PostgreSQL backends of one database (from
/// /proc, Linux only). Per request it moves far less than throughput when other work shares the
/// machine, so it tells whether a change made the request cheaper.
/// </summary>
internal readonly record struct CpuUse(double ProcessMs, double PostgresMs)
{
    public static CpuUse operator -(CpuUse after, CpuUse before) => new(after.ProcessMs - before.ProcessMs, after.PostgresMs - before.PostgresMs);

    public static CpuUse Now(string database)
    {
        using var self = Process.GetCurrentProcess();
        double postgres = 0;
        foreach (var folder in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                // A backend names its database in its title: "postgres: user database host(port) state".
                var title = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (!title.StartsWith("postgres:", StringComparison.Ordinal) || !title.Contains($" {database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields 14 and 15 of stat (after the parenthesised name) are user and system ticks.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                postgres += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return new CpuUse(self.TotalProcessorTime.TotalMilliseconds, postgres);
    }
}
