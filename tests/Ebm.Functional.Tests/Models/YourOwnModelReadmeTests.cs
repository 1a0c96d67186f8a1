using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Models;

/// <summary>The README's "Your own model" examples, run as written, against exact answers.</summary>
public sealed class YourOwnModelReadmeTests
{
    // README: a ring of 8 spins with three-body couplings, E(s) = -sum_i s_i s_{i+1} s_{i+2}.
    private static double Triplets(ReadOnlySpan<double> s)
    {
        var e = 0.0;
        for (var i = 0; i < s.Length; i++) e -= s[i] * s[(i + 1) % s.Length] * s[(i + 2) % s.Length];
        return e;
    }

    private static readonly Validation<Error, DiscreteEnergyModel> Ring = DiscreteEnergyModel.Create(8, StateConvention.Spin, Triplets);

    // README: a banana, E(x, y) = (x^2 + (y - x^2)^2 / 0.1) / 2, with its gradient.
    private static readonly Validation<Error, ContinuousEnergyModel> Banana = ContinuousEnergyModel.Create(2,
        p => 0.5 * (p[0] * p[0] + Math.Pow(p[1] - p[0] * p[0], 2) / 0.1),
        gradient: (p, g) => { var r = (p[1] - p[0] * p[0]) / 0.1; g[0] = p[0] - 2 * p[0] * r; g[1] = r; });

    [Fact]
    public void The_banana_passes_the_contract_and_its_log_z_is_the_closed_form()
    {
        Validation<Error, ContinuousEnergyModel> checkedBanana =
            from model in Banana
            from consistent in ModelContract.Check(RngKey.FromSeed(7), model)
            select consistent;
        Assert.True(checkedBanana.IsSuccess, checkedBanana.Match(_ => "", errors => string.Join("; ", errors)));

        Fin<double> logZ = Banana.Match(
            Succ: model => LogPartition.Exact(model, beta: 1.0, region: new QuadratureRegion(-11, 11, -4, 125, XScale: 0.3, YScale: 0.3)).Map(r => r.LogZ),
            Fail: errors => FinFail<double>(errors.Head));
        // (x, y - x^2) is a shear of unit Jacobian: Z = sqrt(2 pi) sqrt(2 pi 0.1) = 2 pi sqrt(0.1), log Z = 0.6865845...
        Assert.Equal(Math.Log(2 * Math.PI * Math.Sqrt(0.1)), logZ.Match(v => v, e => throw new InvalidOperationException(e.Message)), 1e-10);
    }

    [Fact]
    public void The_ring_mean_energy_and_the_covariance_gaussian_are_exact()
    {
        Fin<double> meanEnergy = Ring.Match(
            Succ: model => LogPartition.Exact(model, beta: 0.5).Map(r => r.MeanEnergy),
            Fail: errors => FinFail<double>(errors.Head));
        // Brute force over the 256 spin states: U = sum E exp(-E / 2) / sum exp(-E / 2).
        double weighted = 0, total = 0;
        for (var index = 0; index < 256; index++)
        {
            var s = new double[8];
            for (var i = 0; i < 8; i++) s[i] = ((index >> i) & 1) == 1 ? 1.0 : -1.0;
            var e = Triplets(s);
            weighted += e * Math.Exp(-0.5 * e);
            total += Math.Exp(-0.5 * e);
        }

        Assert.Equal(weighted / total, meanEnergy.Match(v => v, e => throw new InvalidOperationException(e.Message)), 1e-12);

        Fin<double> gaussianLogZ = GaussianModel.FromCovariance(Vec.Of(0, 0), Mat.FromRows([[2.0, 0.6], [0.6, 1.0]])).Match(
            Succ: model => LogPartition.Exact(model, beta: 1.0).Map(r => r.LogZ),
            Fail: errors => FinFail<double>(errors.Head));
        Assert.Equal(Math.Log(2 * Math.PI) + 0.5 * Math.Log(1.64), gaussianLogZ.Match(v => v, e => throw new InvalidOperationException(e.Message)), 1e-13);
    }

    [Fact]
    public void A_wrong_gradient_is_listed_by_the_contract()
    {
        var wrong = ContinuousEnergyModel.Create(2, p => 0.5 * (p[0] * p[0] + Math.Pow(p[1] - p[0] * p[0], 2) / 0.1),
            gradient: (p, g) => { var r = (p[1] - p[0] * p[0]) / 0.1; g[0] = p[0] - p[0] * r; g[1] = r; });
        var messages = (from model in wrong from consistent in ModelContract.Check(RngKey.FromSeed(7), model) select consistent)
            .Match(_ => [], errors => errors.Map(e => e.Message).ToArray());
        Assert.StartsWith("EnergyGradient: disagrees with the energy at 16 of 32 (point, coordinate) pairs; largest difference at point", Assert.Single(messages), StringComparison.Ordinal);
    }

    /// <summary>64 independent Gibbs chains, 300 sweeps after 100 of burn-in, within 5 standard errors of their means (normal delta 6e-7).</summary>
    [Fact]
    public void Gibbs_on_the_ring_reproduces_the_exact_mean_energy()
    {
        var ring = Ring.Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var gibbs = HeatBathGibbs.Create(ring, beta: 0.5);
        var warm = Loop.Run(RngKey.FromSeed(1), gibbs.Init(Mat.Create(64, 8, d => d.Fill(1.0))), 100, gibbs.Step);
        var (_, energies) = Loop.Scan(RngKey.FromSeed(2), warm, 300, gibbs.Step, (s, _) => s.Energies);
        var exact = LogPartition.Exact(ring, 0.5).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));
        var chainMeans = Enumerable.Range(0, 64).Select(c => energies.Average(e => e[c])).ToArray();
        var mean = chainMeans.Average();
        var standardError = Math.Sqrt(chainMeans.Sum(m => (m - mean) * (m - mean)) / 63 / 64);
        Assert.True(Math.Abs(mean - exact) <= 5 * standardError, $"mean energy {mean}, exact {exact}, se {standardError}");
    }
}
