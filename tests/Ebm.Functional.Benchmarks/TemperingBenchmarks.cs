using BenchmarkDotNet.Attributes;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// A parallel-tempering sweep of the 64 x 64 periodic Ising torus over 32 temperatures (beta = 0, 0.02, ..., 0.62, one chain
/// per rung), recording energies and magnetisations as <c>ebm thermo --method pt</c> does: 100 steps, each a checkerboard
/// sweep of every rung and a round of exchanges. Sweeps per second per replica = 100 / the time.
/// </summary>
public class TemperingBenchmarks
{
    private const int Side = 64;
    private const int Sweeps = 100;
    private static readonly double[] Grid = Enumerable.Range(0, 32).Select(i => 0.02 * i).ToArray();
    private IsingModel _model = null!;

    /// <summary>Threads over chains (1, or all).</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    /// <summary>Builds the lattice.</summary>
    [GlobalSetup]
    public void Setup() =>
        _model = IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>100 recorded tempering steps over the 32 rungs.</summary>
    [Benchmark]
    public TemperingSamples Sweep() =>
        ThermoSweep.Sample(RngKey.FromSeed(1), _model, Grid, new TemperingSettings(Chains: 1, Sweeps: Sweeps, BurnIn: 0, MaxDegreeOfParallelism: Threads))
            .Match(s => s, e => throw new InvalidOperationException(e.Message));
}
