using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// Sample statistics of L = 16 lattices against exact values: energy per site on the periodic torus
/// against Kaufman (1949), and the mean squared magnetisation per site on the open lattice against the
/// transfer matrix (no exact method gives &lt;|m|&gt; or &lt;M^2&gt; of the 16 x 16 torus; the open lattice is
/// the largest where one does). Tolerance: 5 Monte Carlo standard errors, the MCSE from the bulk ESS of
/// 32 chains x 1500 kept sweeps after 300 burn-in; a false failure has probability about 6e-7 (delta) when
/// the MCSE is right.
/// </summary>
public sealed class IsingPhysicsTests
{
    private const int Chains = 32;
    private const int BurnIn = 300;
    private const int Kept = 1500;

    private static IsingModel Lattice(Boundary boundary) =>
        IsingModel.Create(16, 16, 1.0, 0.0, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static Mat Run<TInfo>(Sampler<Mat, IsingChains, TInfo> sampler, IsingModel model, ulong seed, Func<IsingChains, int, double> observe)
    {
        var start = Mat.Create(Chains, model.Dimension, d =>
        {
            var key = RngKey.FromSeed(seed).FoldIn(99);
            for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? 1.0 : -1.0;
        });
        var state = Loop.Run(RngKey.FromSeed(seed).FoldIn(0), sampler.Init(start), BurnIn, sampler.Step);
        var (_, trace) = Loop.Scan(RngKey.FromSeed(seed).FoldIn(1), state, Kept, sampler.Step,
            (s, _) => Enumerable.Range(0, Chains).Select(c => observe(s, c)).ToArray());
        return Mat.Create(Chains, Kept, d =>
        {
            for (var t = 0; t < Kept; t++)
            for (var c = 0; c < Chains; c++) d[c * Kept + t] = trace[t][c];
        });
    }

    private static void WithinMcse(Mat draws, double exact, string what)
    {
        var mean = draws.Span.ToArray().Average();
        var mcse = MonteCarloStandardError.OfMean(draws).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"{what}: sampled {mean} ± {mcse}, exact {exact}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void Checkerboard_energy_per_site_on_the_torus_matches_kaufman(double beta)
    {
        var torus = Lattice(Boundary.Periodic);
        var exact = Kaufman.Compute(torus, beta).Match(r => r.MeanEnergy / torus.Dimension, e => throw new InvalidOperationException(e.Message));
        var draws = Run(Checkerboard.Create(torus, beta, CheckerboardUpdate.Metropolis), torus, 21, (s, c) => s.Energies[c] / torus.Dimension);
        WithinMcse(draws, exact, $"energy per site at beta {beta}");
    }

    [Fact]
    public void Wolff_energy_per_site_below_the_critical_temperature_matches_kaufman()
    {
        const double beta = 0.5;
        var torus = Lattice(Boundary.Periodic);
        var exact = Kaufman.Compute(torus, beta).Match(r => r.MeanEnergy / torus.Dimension, e => throw new InvalidOperationException(e.Message));
        var wolff = Wolff.Create(torus, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        WithinMcse(Run(wolff, torus, 23, (s, c) => s.Energies[c] / torus.Dimension), exact, "Wolff energy per site");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void Checkerboard_mean_squared_magnetisation_on_the_open_lattice_matches_the_transfer_matrix(double beta)
    {
        var open = Lattice(Boundary.Open);
        var exact = IsingTransferMatrix.Compute(open, beta)
            .Match(r => r.Magnetisation.Match(m => m.MeanSquare, () => double.NaN), e => throw new InvalidOperationException(e.Message));
        var n = (double)open.Dimension;
        var draws = Run(Checkerboard.Create(open, beta, CheckerboardUpdate.HeatBath), open, 25,
            (s, c) => s.Magnetisations[c] * (double)s.Magnetisations[c] / (n * n));
        WithinMcse(draws, exact / (n * n), $"<m^2> at beta {beta}");
    }
}
