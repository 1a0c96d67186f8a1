using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// The dispatcher, and every pair of exact methods that apply to the same model agreeing with each
/// other: enumeration = Kaufman = transfer matrix on small tori, RBM layer sum = joint enumeration,
/// Gaussian closed form = quadrature. Each method is separately tested against an independent brute
/// force in its own test class; here the methods check one another. Tolerance: 1e-10 relative.
/// </summary>
public sealed class LogPartitionTests
{
    private const double Relative = 1e-10;

    private static T Valid<T>(Validation<LanguageExt.Common.Error, T> v) => v.Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    private static ExactResult Run(IEnergyModel model, double beta, ExactMethod method) =>
        LogPartition.Exact(model, beta, method).Match(r => r, e => throw new InvalidOperationException(e.Message));

    private static void Close(double expected, double actual, double scale, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(1.0, Math.Max(Math.Abs(expected), scale)),
            $"{what}: expected {expected:R}, got {actual:R}");

    private static void Agree(ExactResult a, ExactResult b, double energyScale)
    {
        Close(a.LogZ, b.LogZ, 1.0, $"log Z ({a.Method} vs {b.Method})");
        Close(a.MeanEnergy, b.MeanEnergy, energyScale, $"U ({a.Method} vs {b.Method})");
        Close(a.EnergyVariance, b.EnergyVariance, energyScale * energyScale * 1e-2, $"Var E ({a.Method} vs {b.Method})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(0.4406867935097715)]
    [InlineData(1.0)]
    public void Enumeration_Kaufman_and_transfer_matrix_agree_on_a_4x4_torus(double beta)
    {
        var torus = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        var enumeration = Run(torus, beta, ExactMethod.Enumeration);
        var kaufman = Run(torus, beta, ExactMethod.Kaufman);
        var transfer = Run(torus, beta, ExactMethod.TransferMatrix);
        Agree(enumeration, kaufman, 32);
        Agree(enumeration, transfer, 32);
        var m = enumeration.Magnetisation.Match(x => x, () => throw new InvalidOperationException("enumeration gives M moments"));
        var mt = transfer.Magnetisation.Match(x => x, () => throw new InvalidOperationException("the transfer matrix gives M moments"));
        Close(m.MeanSquare, mt.MeanSquare, 256, "<M^2>");
    }

    [Fact]
    public void Enumeration_and_transfer_matrix_agree_on_an_open_lattice_in_a_field()
    {
        var lattice = Valid(IsingModel.Create(3, 5, -0.7, 0.3, Boundary.Open));
        foreach (var beta in new[] { 0.3, 1.5 })
            Agree(Run(lattice, beta, ExactMethod.Enumeration), Run(lattice, beta, ExactMethod.TransferMatrix), 20);
    }

    [Fact]
    public void Rbm_layer_sum_agrees_with_joint_enumeration()
    {
        var rbm = RbmTestModels.Bernoulli(7, 5, 1.5, 1.0, seed: 11);
        foreach (var beta in new[] { 0.0, 0.7, 2.0 })
            Agree(Run(rbm, beta, ExactMethod.Enumeration), Run(rbm, beta, ExactMethod.LayerSum), 30);
    }

    [Fact]
    public void Gaussian_closed_form_agrees_with_quadrature_in_two_dimensions()
    {
        var gaussian = Valid(GaussianModel.Create(Vec.Of(0.5, -1.0), Mat.FromRows([[2.0, 0.6], [0.6, 1.0]])));
        foreach (var beta in new[] { 0.5, 1.0, 3.0 })
            Agree(Run(gaussian, beta, ExactMethod.ClosedForm), Run(gaussian, beta, ExactMethod.Quadrature), 1);
    }

    [Fact]
    public void Auto_picks_the_method_each_kind_needs()
    {
        Assert.Equal("closed-form", Run(Valid(GaussianModel.Create(Vec.Of(0.0), Mat.FromRows([[1.0]]))), 1, ExactMethod.Auto).Method);
        Assert.Equal("quadrature", Run(Valid(RingEnergy.Create()), 1, ExactMethod.Auto).Method);
        Assert.Equal("layer-sum", Run(RbmTestModels.Bernoulli(4, 3, 1, 1, 1), 1, ExactMethod.Auto).Method);
        Assert.Equal("enumeration", Run(BoltzmannRandom.Create(3, 6, StateConvention.Spin), 1, ExactMethod.Auto).Method);
        Assert.Equal("kaufman", Run(Valid(IsingModel.Create(64, 64, 1, 0, Boundary.Periodic)), 0.44, ExactMethod.Auto).Method);
        Assert.True(Run(Valid(IsingModel.Create(4, 4, 1, 0, Boundary.Periodic)), 0.44, ExactMethod.Auto).Magnetisation.IsSome);
    }

    [Fact]
    public void A_model_too_large_for_every_method_is_an_error_that_points_to_the_estimators()
    {
        var lattice = Valid(IsingModel.Create(64, 64, 1, 0.1, Boundary.Open));
        var error = LogPartition.Exact(lattice, 0.5).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("64 x 64", error.Message);
        Assert.Contains("AIS", error.Message);
    }

    [Fact]
    public void A_method_that_does_not_apply_and_a_bad_beta_are_errors()
    {
        var open = Valid(IsingModel.Create(4, 4, 1, 0, Boundary.Open));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, LogPartition.Exact(open, 1, ExactMethod.Kaufman).Match(_ => 0, e => e.Code));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, LogPartition.Exact(open, 1, ExactMethod.ClosedForm).Match(_ => 0, e => e.Code));
        Assert.Equal(ExactErrors.InvalidBetaCode, LogPartition.Exact(open, -1).Match(_ => 0, e => e.Code));
        Assert.Equal(ExactErrors.InvalidBetaCode, LogPartition.Sweep(open, [0.5, double.NaN]).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void A_sweep_gives_the_same_bits_as_separate_calls()
    {
        var machine = BoltzmannRandom.Create(5, 8, StateConvention.Binary);
        var betas = new[] { 0.0, 0.5, 1.25 };
        var sweep = LogPartition.Sweep(machine, betas).Match(r => r.ToArray(), e => throw new InvalidOperationException(e.Message));
        for (var i = 0; i < betas.Length; i++)
        {
            var single = Run(machine, betas[i], ExactMethod.Auto);
            Assert.Equal(single.LogZ, sweep[i].LogZ);
            Assert.Equal(single.MeanEnergy, sweep[i].MeanEnergy);
        }
    }
}
