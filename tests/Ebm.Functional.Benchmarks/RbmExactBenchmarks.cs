using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ebm.Functional.Data;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// Exact log Z of the peers' 784 x 20 "small20" RBM (workload W4 of shared/bench/peers, whose NumPy script
/// w4_exact_logz.py enumerates the same 2^20 hidden states), with and without U and Var(E).
/// </summary>
/// <remarks>
/// The model is the library's reference <see cref="ReferenceRbms.Small"/> (the peers' portable splitmix64 recipe),
/// checked against its published log Z = 443.1495042944 before timing.
/// <see cref="RunStopwatch"/> prints one key=value line per workload in the peers' format, for side-by-side
/// runs interleaved with the Python script.
/// </remarks>
[MemoryDiagnoser]
public class RbmExactBenchmarks
{
    private const double PublishedLogZ = 443.1495042944;

    private BernoulliRbm _small20 = null!;

    /// <summary>Builds the model once per run and checks it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _small20 = ReferenceRbms.Small(784, 20);
        var logZ = LogZ();
        if (Math.Abs(logZ - PublishedLogZ) > 1e-9) throw new InvalidOperationException($"small20 log Z {logZ:R} differs from {PublishedLogZ}");
    }

    /// <summary>log Z(1) alone: the peers' W4 workload.</summary>
    [Benchmark(Baseline = true)]
    public double LogZ() => RbmExact.LogPartitionFunction(_small20, 1.0).Match(z => z, e => throw new InvalidOperationException(e.Message));

    /// <summary>log Z(1), U and Var(E) in one pass.</summary>
    [Benchmark]
    public double Thermodynamics() => RbmExact.Compute(_small20, 1.0).Match(r => r.EnergyVariance, e => throw new InvalidOperationException(e.Message));

    /// <summary>
    /// Times small20 (log Z alone and with moments) <paramref name="repetitions"/> times after one warm-up, and the
    /// 784 x 25 model (log Z alone) once, writing the peers' key=value lines to <paramref name="output"/>.
    /// </summary>
    public static void RunStopwatch(TextWriter output, int repetitions, bool include784x25)
    {
        var small20 = ReferenceRbms.Small(784, 20);
        Time(output, "W4", small20, repetitions, withMoments: false);
        Time(output, "W4-thermo", small20, repetitions, withMoments: true);
        if (include784x25) Time(output, "W4-784x25", ReferenceRbms.Small(784, 25), 1, withMoments: false);
    }

    private static void Time(TextWriter output, string workload, BernoulliRbm model, int repetitions, bool withMoments)
    {
        double Run() => withMoments
            ? RbmExact.Compute(model, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message))
            : RbmExact.LogPartitionFunction(model, 1.0).Match(z => z, e => throw new InvalidOperationException(e.Message));

        var logZ = Run();
        var seconds = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            logZ = Run();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Join(' ',
            $"workload={workload}", "impl=ebm-csharp", "dtype=f64", $"nv={model.Visible}", $"nh={model.Hidden}", $"reps={repetitions}",
            $"s_median={seconds[seconds.Count / 2].ToString("G6", invariant)}", $"s_min={seconds[0].ToString("G6", invariant)}",
            $"s_max={seconds[^1].ToString("G6", invariant)}", $"logZ={logZ.ToString("F10", invariant)}",
            $"threads={Environment.ProcessorCount}", $"rep_s={string.Join(',', seconds.Select(s => s.ToString("G4", invariant)))}"));
    }
}
