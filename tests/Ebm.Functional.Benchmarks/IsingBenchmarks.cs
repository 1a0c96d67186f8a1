using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// W3: checkerboard Metropolis sweeps of the L = 256 periodic Ising lattice at beta = 0.44, one chain,
/// in spin-flip attempts per second (L^2 per sweep), the workload of the peers' w3_ising scripts: the byte kernel
/// (<see cref="Checkerboard"/>) and the multi-spin coded one (<see cref="MultiSpinCheckerboard"/>).
/// </summary>
public class IsingBenchmarks
{
    private const int Side = 256;
    private const double Beta = 0.44;
    private Sampler<Mat, IsingChains, CheckerboardInfo> _sampler = null!;
    private IsingChains _state = null!;
    private Sampler<Mat, MultiSpinChains, CheckerboardInfo> _multiSpin = null!;
    private MultiSpinChains _packed = null!;

    /// <summary>Threads used by the sweep (1: the single-thread figure comparable to NumPy and C).</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    /// <summary>Builds the lattice and a random start.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = Lattice();
        _sampler = Checkerboard.Create(model, Beta, CheckerboardUpdate.Metropolis, Threads);
        _state = _sampler.Init(RandomSpins(RngKey.FromSeed(3), model.Dimension));
        _multiSpin = MultiSpin(model, Threads);
        _packed = _multiSpin.Init(RandomSpins(RngKey.FromSeed(3), model.Dimension));
    }

    /// <summary>One sweep (65,536 flip attempts).</summary>
    [Benchmark]
    public IsingChains Sweep() => _sampler.Step(RngKey.FromSeed(5), _state).State;

    /// <summary>One multi-spin coded sweep (65,536 flip attempts).</summary>
    [Benchmark]
    public MultiSpinChains MultiSpinSweep() => _multiSpin.Step(RngKey.FromSeed(5), _packed).State;

    /// <summary>
    /// Times <paramref name="reps"/> blocks of <paramref name="sweeps"/> multi-spin sweeps after 100 warm-up sweeps (the
    /// C reference's protocol) on <paramref name="threads"/> threads and prints one key=value line in the peers' format,
    /// with the CPU seconds of the process per block beside the wall time.
    /// </summary>
    public static void RunMultiSpinStopwatch(TextWriter output, int sweeps, int reps, int threads)
    {
        var model = Lattice();
        var sampler = MultiSpin(model, threads);
        var state = Loop.Run(RngKey.FromSeed(1), sampler.Init(RandomSpins(RngKey.FromSeed(3), model.Dimension)), 100, sampler.Step);
        var seconds = new List<double>();
        var processorSeconds = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            state = Loop.Run(RngKey.FromSeed(10UL + (ulong)rep), state, sweeps, sampler.Step);
            seconds.Add(watch.Elapsed.TotalSeconds);
            processorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
        }

        var sorted = seconds.Order().ToArray();
        var median = reps % 2 == 1 ? sorted[reps / 2] : 0.5 * (sorted[reps / 2 - 1] + sorted[reps / 2]);
        var attempts = (double)sweeps * model.Dimension;
        output.WriteLine(
            $"workload=W3 impl=ebm-multispin threads={Batch.Workers(threads)} L={Side} beta={Beta:F2} sweeps={sweeps} reps={reps} " +
            $"flips_per_s_median={attempts / median:E3} flips_per_s_min={attempts / sorted[^1]:E3} flips_per_s_max={attempts / sorted[0]:E3} " +
            $"ns_per_flip_median={median / attempts * 1e9:F3} e_per_site={state.Energies[0] / model.Dimension:F4} " +
            $"abs_m={Math.Abs(state.Magnetisations[0] / (double)model.Dimension):F4} cpu_s_median={processorSeconds.Order().ElementAt(reps / 2):F4} " +
            $"rep_s={string.Join(',', seconds.Select(t => t.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))}");
    }
    /// <summary>
    /// Times <paramref name="sweeps"/> sweeps after 20 warm-up sweeps, three repetitions, with one thread and
    /// with all, and prints key=value lines in the peer scripts' format.
    /// </summary>
    public static void RunStopwatch(TextWriter output, int sweeps)
    {
        var model = Lattice();
        foreach (var threads in new[] { 1, -1 })
        {
            var sampler = Checkerboard.Create(model, Beta, CheckerboardUpdate.Metropolis, threads);
            var state = Loop.Run(RngKey.FromSeed(1), sampler.Init(RandomSpins(RngKey.FromSeed(3), model.Dimension)), 20, sampler.Step);
            var rates = new List<double>();
            var processorRates = new List<double>();
            for (var rep = 0; rep < 3; rep++)
            {
                var processor = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                state = Loop.Run(RngKey.FromSeed(10UL + (ulong)rep), state, sweeps, sampler.Step);
                rates.Add((double)sweeps * model.Dimension / watch.Elapsed.TotalSeconds);
                processorRates.Add((double)sweeps * model.Dimension / (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
            }

            rates.Sort();
            var m = state.Magnetisations[0] / (double)model.Dimension;
            var e = state.Energies[0] / model.Dimension;
            output.WriteLine(
                $"workload=W3 impl=ebm-checkerboard threads={(threads < 0 ? Environment.ProcessorCount : threads)} L={Side} beta={Beta:F2} sweeps={sweeps} reps=3 " +
                $"flips_per_s_median={rates[1]:E3} flips_per_s_min={rates[0]:E3} flips_per_s_max={rates[2]:E3} e_per_site={e:F4} abs_m={Math.Abs(m):F4} " +
                // Per CPU second of this process: on a machine shared with other jobs, the least contended measure of work.
                $"flips_per_cpu_s_max={processorRates.Max():E3}");
        }
    }

    private static Sampler<Mat, MultiSpinChains, CheckerboardInfo> MultiSpin(IsingModel model, int threads) =>
        MultiSpinCheckerboard.Create(model, Beta, CheckerboardUpdate.Metropolis, threads).Match(s => s, e => throw new InvalidOperationException(e.Message));

    private static IsingModel Lattice() =>
        IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static Mat RandomSpins(RngKey key, int sites) => Mat.Create(1, sites, d =>
    {
        for (var i = 0; i < sites; i++) d[i] = key.UniformAt(i) < 0.5 ? -1.0 : 1.0;
    });
}
