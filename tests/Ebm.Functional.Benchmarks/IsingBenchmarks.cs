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
/// in spin-flip attempts per second (L^2 per sweep), the workload of the peers' w3_ising scripts.
/// </summary>
public class IsingBenchmarks
{
    private const int Side = 256;
    private const double Beta = 0.44;
    private Sampler<Mat, IsingChains, CheckerboardInfo> _sampler = null!;
    private IsingChains _state = null!;

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
    }

    /// <summary>One sweep (65,536 flip attempts).</summary>
    [Benchmark]
    public IsingChains Sweep() => _sampler.Step(RngKey.FromSeed(5), _state).State;

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

    private static IsingModel Lattice() =>
        IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static Mat RandomSpins(RngKey key, int sites) => Mat.Create(1, sites, d =>
    {
        for (var i = 0; i < sites; i++) d[i] = key.UniformAt(i) < 0.5 ? -1.0 : 1.0;
    });
}
