using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Prescriber.Benchmarks;

/// <summary>
/// CPU seconds used by the processes of a benchmark: this one (the app, and the raw loop or bare
/// endpoint), the SMTP sink if there is one, and the PostgreSQL cluster (the postmaster, its live
/// children, and the children it has already reaped), read from /proc. On two cores all of them
/// compete, so CPU per message or request says more than wall time on a shared machine.
/// </summary>
internal sealed class CpuMeter(Process? sink, int? postmaster)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Finds the cluster's postmaster from its data directory; null when it cannot be read (another machine).</summary>
    public static async Task<int?> PostmasterAsync(string connection)
    {
        try
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", db);
            var folder = (string)(await command.ExecuteScalarAsync())!;
            var first = File.ReadLines(Path.Combine(folder, "postmaster.pid")).First();
            return int.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or NpgsqlException)
        {
            return null;
        }
    }

    public Sample Read()
    {
        sink?.Refresh();
        using var self = Process.GetCurrentProcess();
        return new Sample(
            self.TotalProcessorTime.TotalSeconds,
            sink is null || sink.HasExited ? 0 : sink.TotalProcessorTime.TotalSeconds,
            postmaster is { } pid ? ClusterSeconds(pid) : double.NaN);
    }

    private static double ClusterSeconds(int postmaster)
    {
        var total = 0.0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var stat = Stat(pid);
            if (stat is null)
            {
                continue;
            }

            // Fields after the command name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
            var parent = int.Parse(stat[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                total += Ticks(stat, 11) + Ticks(stat, 12) + Ticks(stat, 13) + Ticks(stat, 14);
            }
            else if (parent == postmaster)
            {
                total += Ticks(stat, 11) + Ticks(stat, 12);
            }
        }

        return total / TicksPerSecond;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; everything after its closing parenthesis is numeric.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double Ticks(string[] stat, int index) => double.Parse(stat[index], CultureInfo.InvariantCulture);

    public sealed record Sample(double App, double Sink, double Database)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.App - b.App, a.Sink - b.Sink, a.Database - b.Database);

        public string PerMessage(int n) => string.Create(CultureInfo.InvariantCulture,
            $"CPU ms/message: app {App * 1000 / n:F2}, sink {Sink * 1000 / n:F2}, PostgreSQL {Database * 1000 / n:F2}");
    }
}
