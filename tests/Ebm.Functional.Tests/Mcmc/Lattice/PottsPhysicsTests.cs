using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Exact;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// Sampled means of the categorical kernels against exact values (enumeration). Tolerance: 5 Monte Carlo standard
/// errors, the MCSE from the bulk ESS of 32 chains x 1500 kept sweeps after 300 burn-in; a false failure has probability
/// about 6e-7 (delta) per check when the MCSE is right.
/// </summary>
public sealed class PottsPhysicsTests
{
    private const int Chains = 32;
    private const int BurnIn = 300;
    private const int Kept = 1500;

    internal static Mat RandomStart(ICategoricalModel model, ulong seed, int chains = Chains) => Mat.Create(chains, model.Dimension, d =>
    {
        var key = RngKey.FromSeed(seed).FoldIn(99);
        for (var j = 0; j < d.Length; j++) d[j] = Math.Min(model.Levels - 1, Math.Floor(key.UniformAt(j) * model.Levels));
    });

    internal static Mat Run<TInfo>(Sampler<Mat, PottsChains, TInfo> sampler, ICategoricalModel model, ulong seed, Func<PottsChains, int, double> observe)
    {
        var state = Loop.Run(RngKey.FromSeed(seed).FoldIn(0), sampler.Init(RandomStart(model, seed)), BurnIn, sampler.Step);
        var (_, trace) = Loop.Scan(RngKey.FromSeed(seed).FoldIn(1), state, Kept, sampler.Step,
            (s, _) => Enumerable.Range(0, Chains).Select(c => observe(s, c)).ToArray());
        return Mat.Create(Chains, Kept, d =>
        {
            for (var t = 0; t < Kept; t++)
            for (var c = 0; c < Chains; c++) d[c * Kept + t] = trace[t][c];
        });
    }

    internal static void WithinMcse(Mat draws, double exact, string what)
    {
        var mean = draws.Span.ToArray().Average();
        var mcse = MonteCarloStandardError.OfMean(draws).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"{what}: sampled {mean} ± {mcse}, exact {exact}");
    }

    [Theory]
    [InlineData("potts", 3, 1.0, 0.0)]
    [InlineData("potts", 3, 0.8, 0.3)]
    [InlineData("clock", 4, 0.8, 0.0)]
    [InlineData("clock", 5, 1.2, 0.2)]
    public void Heat_bath_energy_and_magnetisation_on_a_3x3_torus_match_enumeration(string kind, int q, double beta, double field)
    {
        var model = CategoricalEnumerationTests.Model(kind, 3, 3, q, field, Boundary.Periodic);
        var exact = CategoricalEnumerationTests.Single(CategoricalEnumeration.Sweep(model, [beta]));
        var sampler = PottsCheckerboard.Create(model, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        WithinMcse(Run(sampler, model, 41, (s, c) => s.Energies[c]), exact.MeanEnergy, $"{kind} U");
        var m = exact.Magnetisation.Match(x => x, () => throw new InvalidOperationException("no magnetisation"));
        WithinMcse(Run(sampler, model, 42, (s, c) => s.MagnetisationLengths[c]), m.MeanAbsolute.IfNone(double.NaN), $"{kind} <|M|>");
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.4)]
    public void Cluster_energy_on_a_3x3_torus_matches_enumeration(bool wolff, double field)
    {
        const double beta = 1.0;
        var model = CategoricalEnumerationTests.Model("potts", 3, 3, 3, field, Boundary.Periodic);
        var exact = CategoricalEnumerationTests.Single(CategoricalEnumeration.Sweep(model, [beta]));
        var sampler = (wolff ? PottsWolff.Create(model, beta) : PottsSwendsenWang.Create(model, beta)).Match(s => s, e => throw new InvalidOperationException(e.Message));
        WithinMcse(Run(sampler, model, 43, (s, c) => s.Energies[c]), exact.MeanEnergy, wolff ? "Wolff U" : "Swendsen-Wang U");
    }

    [Fact]
    public void Parallel_tempering_moves_potts_chains_between_rungs_with_exact_counts()
    {
        var model = CategoricalEnumerationTests.Model("potts", 3, 3, 3, 0.2, Boundary.Periodic);
        double[] betas = [0.4, 0.8, 1.2];
        var pt = ParallelTempering.Create(
            beta => PottsCheckerboard.Create(model, beta).Match(s => s.Step, e => throw new InvalidOperationException(e.Message)),
            states => PottsChains.FromStates(model, states), betas, s => s.Energies, PottsChains.Gather);
        var (last, trace) = Loop.Scan(RngKey.FromSeed(5), pt.Init(RandomStart(model, 5, 16)), 400, pt.Step, (s, info) => info.SwapsAccepted.Span.ToArray());
        Assert.True(trace.Sum(a => a.Sum()) > 0, "some exchanges were accepted");
        foreach (var rung in last.Rungs)
        {
            var states = rung.ToStates();
            for (var c = 0; c < rung.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), rung.Energies[c], 1e-12);
        }
    }
}
