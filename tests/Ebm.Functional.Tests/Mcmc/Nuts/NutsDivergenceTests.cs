using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using NutsSampler = Ebm.Functional.Mcmc.Nuts.Nuts;

namespace Ebm.Functional.Tests.Mcmc.Nuts;

/// <summary>
/// NUTS reports divergences on a stiff target and never moves onto a divergent or non-finite point; it rejects NaN
/// energies, never throws, and gives bit-identical results for any degree of parallelism.
/// </summary>
public sealed class NutsDivergenceTests
{
    /// <summary>A standard Gaussian in the plane whose energy is NaN for x0 &gt; 0.5 (a model that breaks off its domain).</summary>
    private sealed class NanBeyondHalf : IContinuousModel
    {
        public string Kind => "nan-beyond-half";

        public int Dimension => 2;

        public double Energy(ReadOnlySpan<double> x) => x[0] > 0.5 ? double.NaN : 0.5 * (x[0] * x[0] + x[1] * x[1]);

        public Vec Energies(Mat xs) => Vec.Create(xs.Rows, e =>
        {
            for (var r = 0; r < xs.Rows; r++) e[r] = Energy(xs.Row(r));
        });

        public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient[0] = x[0] > 0.5 ? double.NaN : x[0];
            gradient[1] = x[0] > 0.5 ? double.NaN : x[1];
        }
    }

    /// <summary>
    /// E = 1/2 (1e6 x0^2 + x1^2): with h = 0.1 the stiff direction has h omega = 100, far beyond the leapfrog's stability
    /// limit 2, so |p0| grows about (h omega)^2 = 1e4-fold per step and H - H0 passes 1000 within a few steps; with
    /// h = 5e-4 (h omega = 0.5) no trajectory diverges.
    /// </summary>
    [Fact]
    public void A_stiff_target_is_reported_divergent_and_no_divergent_point_is_taken()
    {
        var model = Gaussian(Vec.Of(0.0, 0.0), Mat.FromRows([[1e6, 0.0], [0.0, 1.0]]));
        var start = ExactDraws(RngKey.FromSeed(90), model, 1.0, 32);
        var stiff = NutsSampler.Create(model, 1.0, 0.1);
        var state = stiff.Init(start);
        var divergences = 0;
        for (var t = 0; t < 20; t++)
        {
            var before = state;
            (state, var info) = stiff.Step(RngKey.FromSeed(91).FoldIn(t), state);
            divergences += info.Divergences;
            Assert.Equal(info.Divergences, info.NumericalFailures);
            for (var c = 0; c < state.Chains; c++)
            {
                Assert.True(double.IsFinite(state.Energies[c]));
                Assert.InRange(info.AcceptanceRates[c], 0.0, 1.0);
                // H(selected) <= H0 + 1000 and kinetic energies are non-negative, so E rises by at most K0 + 1000, where
                // K0 = |xi|^2 / 2 (2 normals, M = I) exceeds 30 with probability e^-30.
                Assert.True(state.Energies[c] <= before.Energies[c] + 1000 + 0.5 * 60, $"chain {c} moved to a divergent point at step {t}");
            }
        }

        Assert.True(divergences >= 20 * 32 / 2, $"only {divergences} of 640 trajectories diverged at h omega = 100");

        var gentle = NutsSampler.Create(model, 1.0, 5e-4);
        var (_, gentleInfo) = Loop.Scan(RngKey.FromSeed(92), gentle.Init(start), 20, gentle.Step, (_, info) => info.Divergences);
        Assert.Equal(0, gentleInfo.Sum());
    }

    [Fact]
    public void Nan_energies_are_never_selected_and_are_counted()
    {
        var model = new NanBeyondHalf();
        var nuts = NutsSampler.Create(model, 1.0, 0.4);
        var state = nuts.Init(Mat.Create(32, 2, d => d.Fill(0.3)));
        var counted = 0;
        for (var t = 0; t < 50; t++)
        {
            (state, var info) = nuts.Step(RngKey.FromSeed(93).FoldIn(t), state);
            counted += info.NonFiniteTrajectories;
            Assert.True(info.Divergences >= info.NonFiniteTrajectories);
            for (var c = 0; c < state.Chains; c++)
            {
                Assert.True(state.Positions[c, 0] <= 0.5, $"chain {c} moved onto a NaN point at step {t}");
                Assert.True(double.IsFinite(state.Energies[c]));
                Assert.InRange(info.AcceptanceRates[c], 0.0, 1.0);
            }
        }

        Assert.True(counted > 0, "the test should provoke NaN trajectories");
    }

    [Fact]
    public void Results_are_bit_identical_for_any_degree_of_parallelism()
    {
        var model = Gaussian(Vec.Of(1.0, -1.0), Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));
        var start = ContinuousKernel.Init(model, ExactDraws(RngKey.FromSeed(4), model, 1.0, 48), 1);
        ContinuousChains Run(int threads) => Loop.Run(RngKey.FromSeed(5), start, 30, NutsSampler.Create(model, 1.0, 0.3, maxDegreeOfParallelism: threads).Step);
        var sequential = Run(1);
        foreach (var threads in new[] { 2, 3, -1 })
        {
            var parallel = Run(threads);
            Assert.Equal(sequential.Positions.Span.ToArray(), parallel.Positions.Span.ToArray());
            Assert.Equal(sequential.Energies.ToArray(), parallel.Energies.ToArray());
            Assert.Equal(sequential.Gradients.Span.ToArray(), parallel.Gradients.Span.ToArray());
        }
    }
}
