using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// Sample statistics of the multi-spin checkerboard against exact values: energy per site of the 16 x 16 torus
/// against Kaufman (1949); energy and &lt;|m|&gt; of the 4 x 4 torus, with and without a field, against enumeration;
/// and, where no exact value exists (&lt;|m|&gt; of the 32 x 32 torus), against the byte checkerboard. Tolerance: 5
/// Monte Carlo standard errors (for a difference, 5 sqrt(MCSE_1^2 + MCSE_2^2)), the MCSE from the bulk ESS of 32
/// chains x 1500 kept sweeps after 300 burn-in; a false failure has probability about 6e-7 (delta) per check when the
/// MCSE is right.
/// </summary>
public sealed class MultiSpinPhysicsTests
{
    private const int Chains = 32;
    private const int BurnIn = 300;
    private const int Kept = 1500;

    private static Mat Run<TState, TInfo>(Sampler<Mat, TState, TInfo> sampler, IsingModel model, ulong seed, Func<TState, int, double> observe)
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

    private static (double Mean, double Mcse) Summary(Mat draws) =>
        (draws.Span.ToArray().Average(), MonteCarloStandardError.OfMean(draws).Match(x => x, e => throw new InvalidOperationException(e.Message)));

    private static void WithinMcse(Mat draws, double exact, string what)
    {
        var (mean, mcse) = Summary(draws);
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"{what}: sampled {mean} ± {mcse}, exact {exact}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.44)]
    [InlineData(0.5)]
    public void Energy_per_site_on_the_16_torus_matches_kaufman(double beta)
    {
        var torus = MultiSpinCheckerboardTests.Model(16, 16, 1.0, 0.0);
        var exact = Kaufman.Compute(torus, beta).Match(r => r.MeanEnergy / torus.Dimension, e => throw new InvalidOperationException(e.Message));
        var draws = Run(MultiSpinCheckerboardTests.Sampler(torus, beta), torus, 61, (s, c) => s.Energies[c] / torus.Dimension);
        WithinMcse(draws, exact, $"energy per site at beta {beta}");
    }

    [Theory]
    [InlineData(0.44, 0.0, CheckerboardUpdate.Metropolis)]
    [InlineData(0.44, 0.1, CheckerboardUpdate.Metropolis)]
    [InlineData(0.6, -0.2, CheckerboardUpdate.HeatBath)]
    public void Energy_and_absolute_magnetisation_on_the_4_torus_match_enumeration(double beta, double field, CheckerboardUpdate update)
    {
        var torus = MultiSpinCheckerboardTests.Model(4, 4, 1.0, field);
        var exact = Enumeration.Compute(torus, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var meanAbsolute = exact.Magnetisation.Bind(m => m.MeanAbsolute).Match(m => m, () => throw new InvalidOperationException("no <|M|>"));
        var n = (double)torus.Dimension;
        var sampler = MultiSpinCheckerboardTests.Sampler(torus, beta, update);
        WithinMcse(Run(sampler, torus, 62, (s, c) => s.Energies[c] / n), exact.MeanEnergy / n, "energy per site");
        WithinMcse(Run(sampler, torus, 63, (s, c) => Math.Abs(s.Magnetisations[c]) / n), meanAbsolute / n, "<|m|>");
    }

    [Fact]
    public void Absolute_magnetisation_on_the_32_torus_agrees_with_the_byte_checkerboard()
    {
        const double beta = 0.42;
        var torus = MultiSpinCheckerboardTests.Model(32, 32, 1.0, 0.0);
        var n = (double)torus.Dimension;
        var (packed, packedError) = Summary(Run(MultiSpinCheckerboardTests.Sampler(torus, beta), torus, 64, (s, c) => Math.Abs(s.Magnetisations[c]) / n));
        var (bytes, bytesError) = Summary(Run(Checkerboard.Create(torus, beta, CheckerboardUpdate.Metropolis), torus, 65, (s, c) => Math.Abs(s.Magnetisations[c]) / n));
        var bound = 5 * Math.Sqrt(packedError * packedError + bytesError * bytesError);
        Assert.True(Math.Abs(packed - bytes) <= bound, $"<|m|>: multi-spin {packed} ± {packedError}, byte kernel {bytes} ± {bytesError}");
    }
}
