using BenchmarkDotNet.Attributes;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// Wang-Landau sampling of the periodic L x L Ising torus to the default final ln f = 1e-6 (flat histograms with
/// flatness 0.8, then the 1/t refinement): the wall time of a whole density of states, two walkers on all threads,
/// as <c>ebm dos MODEL.json --walkers 2</c> runs it. Select with <c>--filter '*WangLandau*'</c>.
/// </summary>
public class WangLandauBenchmarks
{
    private IsingModel _model = null!;

    /// <summary>Side L of the torus (32: the figure).</summary>
    [Params(16, 32)]
    public int Side { get; set; }

    /// <summary>Builds the torus.</summary>
    [GlobalSetup]
    public void Setup() =>
        _model = IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>One density of states: 2 walkers to ln f = 1e-6.</summary>
    [Benchmark]
    public DensityOfStates DensityOfStates() =>
        WangLandau.Run(RngKey.FromSeed(1), _model, new WangLandauSettings { Walkers = 2 })
            .Match(d => d, e => throw new InvalidOperationException(e.Message));
}
