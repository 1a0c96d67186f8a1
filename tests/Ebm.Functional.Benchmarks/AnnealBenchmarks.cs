using System.Diagnostics;
using System.Globalization;
using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// Simulated annealing's time to solution on a Sherrington-Kirkpatrick instance (n = 64 by default, instance seed 1):
/// restarts of the geometric schedule with single-site Metropolis (random scan, or <c>--order systematic</c> as the
/// NumPy annealer sweeps; with cached local fields, or <c>--kernel plain</c> for the generic one), the success probability p of reaching a target
/// energy, seconds per restart, and TTS(99%) = t ln(0.01) / ln(1 - p), in the key=value format of
/// <c>scripts/anneal_sk_numpy.py</c>, which reads the same instance from the file <c>--instance</c> writes.
/// </summary>
/// <remarks>
/// Without <c>--target</c> the target is the lowest energy this run finds (print it, then pass it to both sides).
/// Seconds per restart are the batch's wall time over R (restarts run in parallel on <c>--threads</c>), so TTS is the
/// expected wall time to reach the target on this machine with that many threads.
/// </remarks>
public static class AnnealBenchmarks
{
    /// <summary>Runs the benchmark with the command-line options of <see cref="Program"/> and prints one key=value line.</summary>
    public static void RunStopwatch(TextWriter output, int spins, int sweeps, int restarts, int reps, int threads, ScanOrder order, bool cachedFields, double? target, string? instanceFile)
    {
        var model = SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(1), spins).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        if (instanceFile is not null)
            File.WriteAllLines(instanceFile, Enumerable.Range(0, spins).Select(i =>
                string.Join(' ', model.Couplings.Row(i).ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture)))));
        var schedule = CoolingSchedule.Geometric(3.0, 0.05, sweeps).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));
        var settings = new SaSettings(restarts, threads);
        var run = cachedFields
            ? (Func<RngKey, SaResult>)(key => Result(SimulatedAnnealing.Run(key, model, SaKernels.MetropolisWithFields(model, order), schedule, settings)))
            : key => Result(SimulatedAnnealing.Run(key, model, SaKernels.Metropolis(model, order), schedule, settings));
        var walls = new List<double>();
        var cpus = new List<double>();
        var bests = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var rep = 0; rep < reps; rep++)
        {
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = run(RngKey.FromSeed(100 + (ulong)rep));
            walls.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            bests.AddRange(result.RestartBestEnergies.ToArray());
        }

        var goal = target ?? bests.Min();
        var successes = bests.Count(e => e - goal <= SaSuccess.RelativeTolerance * Math.Max(1.0, Math.Abs(goal)));
        var probability = (double)successes / bests.Count;
        var perRestart = walls.Order().ElementAt(walls.Count / 2) / restarts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"impl=ebm-{(cachedFields ? "fields" : "plain")}-{order.ToString().ToLowerInvariant()} n={spins} sweeps={sweeps} restarts={restarts} reps={reps} threads={threads} target={goal:R} p={probability:F4} " +
            $"s_per_restart={perRestart:G6} cpu_s_per_restart={cpus.Min() / restarts:G6} tts99_s={SaSuccess.TimeToSolution(perRestart, probability):G6}"));
    }

    private static SaResult Result(LanguageExt.Validation<LanguageExt.Common.Error, SaResult> result) =>
        result.Match(r => r, e => throw new InvalidOperationException(e.Head.Message));
}
