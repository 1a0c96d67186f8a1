using System.Diagnostics;
using System.Globalization;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// The peers' guard against other processes on a shared machine (<c>peerdata.wait_quiet</c> and <c>Meter</c>): wait until
/// they use less than 15 % of the machine, then measure the share of it they took during a timed run, from
/// <c>/proc/stat</c> less this process's own CPU time. Where <c>/proc/stat</c> is missing both report nothing.
/// </summary>
public sealed class Interference
{
    private const double QuietShare = 0.15;
    private const double DefaultMaxWaitSeconds = 60;
    private const double TicksPerSecond = 100;

    private readonly double _busy;
    private readonly double _own;

    private Interference(double busy, double own) => (_busy, _own) = (busy, own);

    /// <summary>Starts measuring.</summary>
    public static Interference Start() => new(Busy(), Own());

    /// <summary>The share of the whole machine that other processes used since <see cref="Start"/>, over <paramref name="seconds"/>.</summary>
    public double ForeignShare(double seconds)
    {
        var foreign = Math.Max(0.0, Busy() - _busy - (Own() - _own));
        return Math.Min(1.0, foreign / (Math.Max(seconds, 1e-3) * Environment.ProcessorCount));
    }

    /// <summary>
    /// Waits until other processes use less than 15 % of the machine, at most 60 s or the peers' <c>PEER_QUIET_MAX_WAIT</c>
    /// (read here, in the benchmark host, as the peers read it); returns the seconds waited.
    /// </summary>
    public static double WaitQuiet()
    {
        var limit = double.TryParse(Environment.GetEnvironmentVariable("PEER_QUIET_MAX_WAIT"), NumberStyles.Float, CultureInfo.InvariantCulture, out var set)
            ? set
            : DefaultMaxWaitSeconds;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < limit)
        {
            var meter = Start();
            Thread.Sleep(300);
            if (meter.ForeignShare(0.3) < QuietShare) break;
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Busy CPU seconds of the whole machine (all but idle and iowait), as the peers read them.</summary>
    private static double Busy()
    {
        if (!File.Exists("/proc/stat")) return 0;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Sum() - fields[3] - fields[4]) / TicksPerSecond;
    }

    private static double Own() => File.Exists("/proc/stat") ? Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds : 0;
}
