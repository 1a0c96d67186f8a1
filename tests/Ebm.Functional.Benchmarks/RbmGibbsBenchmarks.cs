using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// One block-Gibbs sweep (h | v then v | h) of a 784 x 500 Bernoulli RBM over 100 chains: two GEMMs of
/// 100 x 784 x 500, the sigmoids and 128,400 Bernoulli draws. The sampling half of the peers' W1 CD-1 step.
/// </summary>
/// <remarks>
/// The model follows the peers' W1 initialisation in shape and scale (W ~ 0.01 N(0, 1), b = c = 0) and the chains
/// start from fair coin flips; the cost of a sweep does not depend on the values. <see cref="RunStopwatch"/> prints
/// key=value lines in the peers' format, for runs interleaved with a NumPy loop of the same four operations.
/// </remarks>
[MemoryDiagnoser]
public class RbmGibbsBenchmarks
{
    private const int Visible = 784;
    private const int Hidden = 500;
    private const int Chains = 100;

    private Sampler<Mat, RbmChains, BlockGibbsInfo> _sampler = null!;
    private RbmChains _state = null!;
    private RngKey _key;
    private long _sweep;

    /// <summary>True: the float32 kernel (<see cref="RbmBlockGibbs.CreateSinglePrecision"/>); false: double.</summary>
    [Params(false, true)]
    public bool SinglePrecision { get; set; }

    /// <summary>Builds the model, the sampler and the starting chains once per run.</summary>
    [GlobalSetup]
    public void Setup() => (_sampler, _state, _key) = Build(SinglePrecision);

    /// <summary>One sweep of all 100 chains.</summary>
    [Benchmark]
    public RbmChains Sweep()
    {
        (_state, _) = _sampler.Step(_key.FoldIn(_sweep++), _state);
        return _state;
    }

    /// <summary>
    /// Times <paramref name="repetitions"/> runs of <paramref name="sweeps"/> sweeps after a warm-up run, in double then
    /// in float32, and writes one key=value line (seconds per sweep) for each to <paramref name="output"/>.
    /// </summary>
    public static void RunStopwatch(TextWriter output, int repetitions = 7, int sweeps = 100)
    {
        Time(output, repetitions, sweeps, singlePrecision: false);
        Time(output, repetitions, sweeps, singlePrecision: true);
    }

    private static void Time(TextWriter output, int repetitions, int sweeps, bool singlePrecision)
    {
        var (sampler, state, key) = Build(singlePrecision);
        state = Loop.Run(key.FoldIn(-1), state, sweeps, sampler.Step);
        var seconds = new List<double>();
        var processorSeconds = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            state = Loop.Run(key.FoldIn(r), state, sweeps, sampler.Step);
            seconds.Add(clock.Elapsed.TotalSeconds / sweeps);
            processorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds / sweeps);
        }

        seconds.Sort();
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Join(' ',
            "workload=W1-gibbs-sweep", "impl=ebm-csharp", singlePrecision ? "dtype=f32" : "dtype=f64", $"nv={Visible}", $"nh={Hidden}", $"chains={Chains}",
            $"sweeps={sweeps}", $"reps={repetitions}",
            $"s_per_sweep_median={seconds[seconds.Count / 2].ToString("G6", invariant)}",
            $"s_per_sweep_min={seconds[0].ToString("G6", invariant)}", $"s_per_sweep_max={seconds[^1].ToString("G6", invariant)}",
            $"mean_energy={state.Energies.Span.ToArray().Average().ToString("G6", invariant)}",
            $"threads={Environment.ProcessorCount}", $"gemm=\"{MatrixProduct.BackendDescription}\"",
            // CPU seconds of this process per sweep: on a machine shared with other jobs, the least contended measure of work.
            $"cpu_s_per_sweep_min={processorSeconds.Min().ToString("G6", invariant)}"));
    }

    private static (Sampler<Mat, RbmChains, BlockGibbsInfo> Sampler, RbmChains State, RngKey Key) Build(bool singlePrecision)
    {
        var key = RngKey.FromSeed(2);
        var weights = new double[Visible * Hidden];
        key.FoldIn(0).Normal(weights);
        for (var k = 0; k < weights.Length; k++) weights[k] *= 0.01;
        var model = BernoulliRbm.Create(Mat.From(Visible, Hidden, weights), Vec.Zeros(Visible), Vec.Zeros(Hidden))
            .Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));
        var start = new double[Chains * (Visible + Hidden)];
        key.FoldIn(1).Bernoulli(Enumerable.Repeat(0.5, start.Length).ToArray(), start);
        var sampler = singlePrecision ? RbmBlockGibbs.CreateSinglePrecision(model, 1.0) : RbmBlockGibbs.Create(model, 1.0);
        return (sampler, sampler.Init(Mat.From(Chains, Visible + Hidden, start)), key.FoldIn(2));
    }
}
