using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ebm.Functional.Annealing;
using Ebm.Functional.Data;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Estimators;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// AIS for log Z of a Bernoulli RBM on the base-rate path (the peers' workload W2, w2_ais.py): the reference
/// 784 x 500 <see cref="ReferenceRbms.Random"/> model (or the 784 x 20 <see cref="ReferenceRbms.Small"/> one),
/// base rate from the 10,000 blob images, a linear schedule of K steps and M = 100 particles. Each step costs two
/// GEMMs of M x 784 x nh, as in the peers.
/// </summary>
/// <remarks>
/// <see cref="RunStopwatch"/> prints one key=value line in the peers' format (us_per_particle_step = seconds / (M K)),
/// with the estimate, its standard error and ESS, for side-by-side runs interleaved with the Python script.
/// </remarks>
[MemoryDiagnoser]
public class AisBenchmarks
{
    private const int Particles = 100;

    private AnnealingPath<RbmAnnealingState> _path = null!;

    /// <summary>The number of annealing steps K.</summary>
    [Params(100)]
    public int Steps { get; set; }

    /// <summary>Builds the model and the path once per run.</summary>
    [GlobalSetup]
    public void Setup() => _path = Build("random", -1, SinglePrecision);

    /// <summary>True: the float32 matrix products; false: double.</summary>
    [Params(false, true)]
    public bool SinglePrecision { get; set; }

    /// <summary>One AIS run of M = 100 particles over K steps.</summary>
    [Benchmark]
    public double Run() => Valid(Ais.Run(RngKey.FromSeed(7), _path, Valid(AnnealingSchedule.Linear(Steps)), Particles)).LogZ;

    /// <summary>
    /// Times <paramref name="repetitions"/> AIS runs of <paramref name="steps"/> steps after a warm-up of up to 300 steps and writes
    /// one key=value line to <paramref name="output"/>.
    /// </summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="model">"random" (784 x 500) or "small20" (784 x 20).</param>
    /// <param name="steps">K.</param>
    /// <param name="particles">M.</param>
    /// <param name="repetitions">Timed runs (the median is reported).</param>
    /// <param name="threads">Threads for the per-particle work (-1: no limit).</param>
    /// <param name="singlePrecision">True: the float32 matrix products (log weights still in double).</param>
    public static void RunStopwatch(TextWriter output, string model, int steps, int particles, int repetitions, int threads, bool singlePrecision)
    {
        var path = Build(model, threads, singlePrecision);
        // Warm-up long enough for the JIT's tiered compilation to settle (the peers' warm-up is 20 steps of an interpreter).
        Valid(Ais.Run(RngKey.FromSeed(7), path, Valid(AnnealingSchedule.Linear(Math.Min(steps, 300))), particles));
        var seconds = new List<double>();
        var estimate = Valid(Ais.Run(RngKey.FromSeed(7), path, Valid(AnnealingSchedule.Linear(1)), 1));
        var processorSeconds = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            estimate = Valid(Ais.Run(RngKey.FromSeed(7), path, Valid(AnnealingSchedule.Linear(steps)), particles));
            seconds.Add(clock.Elapsed.TotalSeconds);
            processorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
        }

        var sorted = seconds.Order().ToList();
        var median = sorted[sorted.Count / 2];
        var invariant = CultureInfo.InvariantCulture;
        string G(double x) => x.ToString("G4", invariant);
        output.WriteLine(string.Join(' ',
            "workload=W2", "impl=ebm-csharp", $"dtype={(singlePrecision ? "f32" : "f64")}", $"model={model}", $"K={steps}", $"M={particles}", $"reps={repetitions}",
            $"s_median={G(median)}", $"s_min={G(sorted[0])}", $"s_max={G(sorted[^1])}",
            $"us_per_particle_step={G(median / ((double)particles * steps) * 1e6)}",
            $"logZ={estimate.LogZ.ToString("F6", invariant)}", $"se={G(estimate.StandardError)}", $"ess={G(estimate.Ess)}",
            $"threads={threads}", $"cpus={Environment.ProcessorCount}", $"gemm=\"{MatrixProduct.BackendDescription}\"",
            $"rep_s={string.Join(',', seconds.Select(G))}",
            // CPU seconds of this process per repetition: on a machine shared with other jobs, the least contended measure of work.
            $"cpu_s_min={G(processorSeconds.Min())}"));
    }

    private static AnnealingPath<RbmAnnealingState> Build(string model, int threads, bool singlePrecision = false)
    {
        BernoulliRbm rbm = model switch
        {
            "random" => ReferenceRbms.Random(),
            "small20" => ReferenceRbms.Small(),
            _ => throw new ArgumentException($"unknown model {model} (random or small20)", nameof(model)),
        };
        var baseBias = BaseRate.VisibleBias(BlobImages.Generate()).Match(b => b, e => throw new InvalidOperationException(e.Head.Message));
        return Valid(Paths.RbmBaseRate(rbm, baseBias, 1.0, threads, singlePrecision));
    }

    // The benchmark's runs are built valid; a failure would be a broken benchmark, reported as such.
    private static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> estimate) =>
        estimate.Match(e => e, errors => throw new InvalidOperationException(string.Join("; ", errors)));
}
