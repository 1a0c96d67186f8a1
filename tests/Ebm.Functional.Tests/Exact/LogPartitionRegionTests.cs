using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Exact;

/// <summary>LogPartition.Exact over a caller's quadrature region, against 2-D energies with closed-form Z, and its errors that say how.</summary>
public sealed class LogPartitionRegionTests
{
    /// <summary>The library's promised relative accuracy of an exact log Z.</summary>
    private const double Accuracy = 1e-10;

    /// <summary>Gamma(5/4), for the integral of exp(-beta x^4) = 2 Gamma(5/4) beta^(-1/4).</summary>
    private const double GammaFiveQuarters = 0.906402477055477;

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(0.4)]
    public void A_rotated_gaussian_gives_its_closed_form(double beta)
    {
        // Sigma = R diag(4, 0.25) R^T: log Z = log(2 pi / beta) + log(2 * 0.5), U = 1 / beta. Each coordinate's variance
        // is at most 4 / beta, so the box of half-width sqrt(2 * 60 * 4 / beta) leaves erfc(sqrt 60) = 1.5e-28 outside.
        const double angle = 0.6;
        double c = Math.Cos(angle), s = Math.Sin(angle);
        double p00 = c * c / 4 + s * s / 0.25, p01 = c * s * (1 / 4.0 - 1 / 0.25), p11 = s * s / 4 + c * c / 0.25;
        var rotated = ContractModels.Valid(ContinuousEnergyModel.Create(2,
            x => 0.5 * (p00 * x[0] * x[0] + 2 * p01 * x[0] * x[1] + p11 * x[1] * x[1]), kind: "rotated gaussian"));
        var half = Math.Sqrt(2 * 60 * 4 / beta);
        var width = 0.5 / Math.Sqrt(beta);
        var result = Got(LogPartition.Exact(rotated, beta, region: new QuadratureRegion(-half, half, -half, half, width, width)));
        Assert.Equal("quadrature", result.Method);
        Assert.Equal(Math.Log(2 * Math.PI / beta) + Math.Log(2 * 0.5), result.LogZ, Accuracy);
        Assert.Equal(1 / beta, result.MeanEnergy, Accuracy / beta);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void A_product_of_a_quartic_and_a_gaussian_gives_its_closed_form(double beta)
    {
        // Z = 2 Gamma(5/4) beta^(-1/4) sqrt(2 pi / beta); U = 1 / (4 beta) + 1 / (2 beta) (each power p gives 1 / (p beta)).
        var product = ContractModels.Valid(ContinuousEnergyModel.Create(2, x => Math.Pow(x[0], 4) + 0.5 * x[1] * x[1]));
        var xHalf = Math.Pow(60 / beta, 0.25);
        var yHalf = Math.Sqrt(120 / beta);
        var region = new QuadratureRegion(-xHalf, xHalf, -yHalf, yHalf, 0.5 * Math.Pow(beta, -0.25), 1 / Math.Sqrt(beta));
        var result = Got(LogPartition.Exact(product, beta, region: region));
        var logZ = Math.Log(2 * GammaFiveQuarters) - 0.25 * Math.Log(beta) + 0.5 * Math.Log(2 * Math.PI / beta);
        Assert.Equal(logZ, result.LogZ, Accuracy);
        Assert.Equal(0.75 / beta, result.MeanEnergy, Accuracy / beta);
    }

    [Fact]
    public void A_sweep_uses_the_region_at_every_beta()
    {
        var product = ContractModels.Valid(ContinuousEnergyModel.Create(2, x => Math.Pow(x[0], 4) + 0.5 * x[1] * x[1]));
        var region = new QuadratureRegion(-4, 4, -13, 13, 0.5, 0.7);
        var sweep = LogPartition.Sweep(product, [1.0, 2.0], region: region).Match(r => r.ToArray(), e => throw new InvalidOperationException(e.Message));
        for (var i = 0; i < 2; i++)
        {
            var beta = i + 1.0;
            Assert.Equal(Math.Log(2 * GammaFiveQuarters) - 0.25 * Math.Log(beta) + 0.5 * Math.Log(2 * Math.PI / beta), sweep[i].LogZ, Accuracy);
        }
    }

    [Fact]
    public void A_two_dimensional_energy_without_a_region_is_told_how_to_give_one()
    {
        var error = Failed(LogPartition.Exact(ContractModels.All["continuous energy"], 1.0));
        Assert.Equal(ExactErrors.RegionNeededCode, error.Code);
        Assert.Contains("LogPartition.Exact(model, beta, region: new QuadratureRegion(", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExactErrors.RegionNeededCode, Failed(LogPartition.Exact(ContractModels.All["continuous energy"], 1.0, ExactMethod.Quadrature)).Code);
        var enumeration = Failed(LogPartition.Exact(ContractModels.All["continuous energy"], 1.0, ExactMethod.Enumeration));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, enumeration.Code);
        Assert.Contains("region:", enumeration.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_no_exact_method_is_told_which_methods_apply_to_what()
    {
        var cube = ContractModels.Valid(ContinuousEnergyModel.Create(3, x => x[0] * x[0] + x[1] * x[1] + x[2] * x[2], kind: "my-cube"));
        var error = Failed(LogPartition.Exact(cube, 1.0));
        Assert.Equal(ExactErrors.NoExactMethodCode, error.Code);
        Assert.StartsWith("no exact partition function is known for my-cube; exact methods exist for any discrete model", error.Message, StringComparison.Ordinal);
        foreach (var method in new[] { "(enumeration)", "(kaufman, transfer-matrix)", "(layer-sum)", "(closed-form)", "region: new QuadratureRegion(", "AIS" })
            Assert.Contains(method, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_applies_only_to_quadrature_over_the_plane()
    {
        var region = new QuadratureRegion(-5, 5, -5, 5, 1, 1);
        var spins = ContractModels.All["boltzmann spin"];
        Assert.Equal(ExactErrors.MethodNotApplicableCode, Failed(LogPartition.Exact(spins, 1.0, region: region)).Code);
        var gaussian = ContractModels.All["gaussian from covariance"];
        Assert.Equal(ExactErrors.MethodNotApplicableCode, Failed(LogPartition.Exact(gaussian, 1.0, ExactMethod.ClosedForm, region: region)).Code);
        Assert.Equal(QuadratureErrors.InvalidRegionCode, Failed(LogPartition.Exact(gaussian, 1.0, region: region with { XMax = -6 })).Code);
    }

    [Fact]
    public void A_region_replaces_the_derived_box_of_a_built_in_energy()
    {
        // N((1, -1), [[2, 0.6], [0.6, 1]]): the box of half-width sqrt(2 * 60 * 2) about the mean holds its mass.
        var gaussian = ContractModels.All["gaussian from covariance"];
        var region = new QuadratureRegion(1 - 15.5, 1 + 15.5, -1 - 15.5, -1 + 15.5, 0.7, 0.7);
        Assert.Equal(Math.Log(2 * Math.PI) + 0.5 * Math.Log(1.64), Got(LogPartition.Exact(gaussian, 1.0, region: region)).LogZ, Accuracy);
    }

    private static ExactResult Got(LanguageExt.Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));

    private static LanguageExt.Common.Error Failed(LanguageExt.Fin<ExactResult> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e);
}
