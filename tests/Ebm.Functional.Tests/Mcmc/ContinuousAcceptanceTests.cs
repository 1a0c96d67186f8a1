using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.RandomWalk;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Each kernel's reported acceptance probability is the exact Metropolis-Hastings ratio, recomputed here
/// from the formulas with the documented draws (chain c: noise <c>key.FoldIn(c).FoldIn(0).NormalAt(j)</c>,
/// uniform <c>key.FoldIn(c).FoldIn(1).UniformAt(0)</c>), and the chain moves exactly when u &lt; that ratio.
/// </summary>
/// <remarks>
/// The target is the 2-D Gaussian E = 1/2 r^T P r, r = x - mu, with gradient P r written out by hand;
/// proposal densities are full normal densities (their constants cancel); HMC's trajectory is a separate
/// leapfrog written in matrix form on this quadratic energy.
/// </remarks>
public sealed class ContinuousAcceptanceTests
{
    private const double Beta = 1.3;
    private static readonly double[] Mu = [0.5, -1.0];
    private static readonly double[,] P = { { 2.0, 0.6 }, { 0.6, 1.2 } };
    private static readonly Mat Start = Mat.FromRows([[0.1, 0.2], [-1.0, 2.0], [3.0, -0.5], [0.5, -1.0], [1.5, 0.0], [-0.4, -2.2]]);

    [Fact]
    public void Mala_acceptance_is_the_exact_hastings_ratio()
    {
        var model = Gaussian(Vec.Of(Mu), Mat.FromRows([[2.0, 0.6], [0.6, 1.2]]));
        const double eps = 0.8;
        var key = RngKey.FromSeed(31);
        var mala = Mala.Create(model, Beta, eps);
        var (next, info) = mala.Step(key, mala.Init(Start));
        for (var c = 0; c < Start.Rows; c++)
        {
            var x = Start.Row(c).ToArray();
            var gx = Gradient(x);
            var y = new double[2];
            for (var j = 0; j < 2; j++) y[j] = x[j] - eps * eps / 2 * Beta * gx[j] + eps * key.FoldIn(c).FoldIn(0).NormalAt(j);
            var gy = Gradient(y);
            var ratio = Math.Exp(-Beta * (Energy(y) - Energy(x))) * NormalDensity(x, y, gy, eps) / NormalDensity(y, x, gx, eps);
            AssertStep(key, c, Math.Min(1, ratio), info.AcceptanceRates[c], x, y, next);
        }

        AssertSomeRatioIsPartial(info.AcceptanceRates);
    }

    [Fact]
    public void Hmc_acceptance_is_the_exact_hamiltonian_ratio()
    {
        var model = Gaussian(Vec.Of(Mu), Mat.FromRows([[2.0, 0.6], [0.6, 1.2]]));
        const double h = 0.35;
        const int steps = 7;
        double[] inverseMass = [0.7, 1.6];
        var key = RngKey.FromSeed(32);
        var hmc = Hmc.Create(model, Beta, h, steps, Vec.Of(inverseMass));
        var (next, info) = hmc.Step(key, hmc.Init(Start));
        for (var c = 0; c < Start.Rows; c++)
        {
            var x = Start.Row(c).ToArray();
            var p = new double[2];
            for (var j = 0; j < 2; j++) p[j] = key.FoldIn(c).FoldIn(0).NormalAt(j) * Math.Sqrt(1 / inverseMass[j]);
            var h0 = Beta * Energy(x) + Kinetic(p, inverseMass);
            var y = (double[])x.Clone();
            for (var s = 0; s < steps; s++)
            {
                var g = Gradient(y);
                for (var j = 0; j < 2; j++) p[j] -= h / 2 * Beta * g[j];
                for (var j = 0; j < 2; j++) y[j] += h * inverseMass[j] * p[j];
                g = Gradient(y);
                for (var j = 0; j < 2; j++) p[j] -= h / 2 * Beta * g[j];
            }

            var deltaH = Beta * Energy(y) + Kinetic(p, inverseMass) - h0;
            Assert.Equal(deltaH, info.EnergyErrors[c], 10);
            Assert.Equal(0.0, info.Divergent[c]);
            AssertStep(key, c, Math.Min(1, Math.Exp(-deltaH)), info.AcceptanceRates[c], x, y, next);
        }

        AssertSomeRatioIsPartial(info.AcceptanceRates);
    }

    [Fact]
    public void Random_walk_acceptance_is_the_exact_metropolis_ratio()
    {
        var model = Gaussian(Vec.Of(Mu), Mat.FromRows([[2.0, 0.6], [0.6, 1.2]]));
        const double s = 1.1;
        var key = RngKey.FromSeed(33);
        var rwm = RandomWalkMetropolis.Create(model, Beta, s);
        var (next, info) = rwm.Step(key, rwm.Init(Start));
        for (var c = 0; c < Start.Rows; c++)
        {
            var x = Start.Row(c).ToArray();
            var y = new double[2];
            for (var j = 0; j < 2; j++) y[j] = x[j] + s * key.FoldIn(c).FoldIn(0).NormalAt(j);
            AssertStep(key, c, Math.Min(1, Math.Exp(-Beta * (Energy(y) - Energy(x)))), info.AcceptanceRates[c], x, y, next);
        }

        AssertSomeRatioIsPartial(info.AcceptanceRates);
    }

    /// <summary>The fixed keys give some proposals a ratio strictly between 0 and 1, so the check is not vacuous.</summary>
    private static void AssertSomeRatioIsPartial(Vec rates) => Assert.Contains(rates.ToArray(), r => r > 0 && r < 1);

    private static void AssertStep(RngKey key, int c, double exactProbability, double reported, double[] x, double[] y, ContinuousChains next)
    {
        Assert.True(Math.Abs(exactProbability - reported) <= 1e-10 * Math.Max(1e-300, exactProbability) + 1e-300,
            $"chain {c}: reported {reported:R}, exact {exactProbability:R}");
        var moved = key.FoldIn(c).FoldIn(1).UniformAt(0) < exactProbability;
        var expected = moved ? y : x;
        for (var j = 0; j < 2; j++) Assert.Equal(expected[j], next.Positions[c, j], 10);
        Assert.Equal(Energy(expected), next.Energies[c], 10);
        var g = Gradient(expected);
        for (var j = 0; j < 2; j++) Assert.Equal(g[j], next.Gradients[c, j], 10);
    }

    private static double[] Gradient(double[] x)
    {
        var r = new[] { x[0] - Mu[0], x[1] - Mu[1] };
        return [P[0, 0] * r[0] + P[0, 1] * r[1], P[1, 0] * r[0] + P[1, 1] * r[1]];
    }

    private static double Energy(double[] x)
    {
        var g = Gradient(x);
        return 0.5 * ((x[0] - Mu[0]) * g[0] + (x[1] - Mu[1]) * g[1]);
    }

    private static double Kinetic(double[] p, double[] inverseMass) => 0.5 * (inverseMass[0] * p[0] * p[0] + inverseMass[1] * p[1] * p[1]);

    /// <summary>N(to; from - (eps^2/2) beta grad E(from), eps^2 I) in 2-D.</summary>
    private static double NormalDensity(double[] to, double[] from, double[] fromGradient, double eps)
    {
        var squared = 0.0;
        for (var j = 0; j < 2; j++)
        {
            var r = to[j] - (from[j] - eps * eps / 2 * Beta * fromGradient[j]);
            squared += r * r;
        }

        return Math.Exp(-squared / (2 * eps * eps)) / (2 * Math.PI * eps * eps);
    }
}
