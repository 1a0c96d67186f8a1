using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.EstimationFixtures;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Importance sampling against exact log Z: enumeration, Gaussian closed forms, 2-D quadrature.</summary>
public sealed class ImportanceSamplingTests
{
    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Uniform_proposal_on_a_Boltzmann_machine_lands_within_its_error_of_enumeration(StateConvention states)
    {
        var model = BoltzmannRandom.Create(21, 10, states, 0.4, 0.4);
        var exact = EnumeratedLogZ(model, 1.0);
        var estimate = Valid(ImportanceSampling.Estimate(RngKey.FromSeed(1), model, 1.0, Proposal.Uniform(10, states), 20_000));
        Assert.Equal("is", estimate.Method);
        Assert.Equal(ErrorSource.DeltaMethod, estimate.ErrorSource);
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Base_rate_proposal_from_exact_marginals_beats_the_uniform_one()
    {
        // The factorised proposal with the model's exact marginals (from enumeration) overlaps p better than
        // uniform: its weight ESS is higher, and the estimate is still within its error of the exact value.
        var model = BoltzmannRandom.Create(22, 10, StateConvention.Binary, 0.3, 2.0);
        var exact = EnumeratedLogZ(model, 1.0);
        var probabilities = ExactMarginals(model);
        var baseRate = Valid(Proposal.Bernoulli(probabilities, StateConvention.Binary));
        var key = RngKey.FromSeed(2);
        var factorised = Valid(ImportanceSampling.Estimate(key, model, 1.0, baseRate, 5000));
        var uniform = Valid(ImportanceSampling.Estimate(key, model, 1.0, Proposal.Uniform(10, StateConvention.Binary), 5000));
        Assert.True(factorised.Ess > uniform.Ess, $"ESS {factorised.Ess} vs {uniform.Ess}");
        Assert.InRange(factorised.LogZ, exact - ZBound * factorised.StandardError, exact + ZBound * factorised.StandardError);
    }

    [Theory]
    [InlineData(2, 0.5, 0.3)]
    [InlineData(10, 0.75, 0.1)]
    [InlineData(50, 0.93, 0.02)]
    public void Gaussian_proposal_on_a_correlated_Gaussian_lands_within_its_error_of_the_closed_form(int d, double precisionScale, double shift)
    {
        // The proposal is the target widened (precision scaled by c < 1) and shifted: Var(log w) = (1/c - 1)^2 d / 2 plus the shift's share stays below 1.
        const double beta = 1.3;
        var target = CorrelatedGaussian(d);
        var exact = GaussianExact.Compute(target, beta).LogZ;
        var proposal = Proposal.Gaussian(Rescaled(target, beta * precisionScale, shift));
        var estimate = Valid(ImportanceSampling.Estimate(RngKey.FromSeed(3), target, beta, proposal, 4000));
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Broad_Gaussian_proposal_on_a_two_dimensional_mixture_lands_within_its_error_of_quadrature()
    {
        var mixture = Valid(GaussianMixture2D.Create(Vec.Of(0.3, 0.7), Mat.FromRows([[-1.5, 0.0], [1.5, 0.5]]), Vec.Of(0.6, 0.8)));
        var exact = ToyExact.Compute(mixture, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var proposal = Valid(Proposal.Gaussian(Vec.Of(0.5, 0.3), Mat.FromRows([[4.0, 0.0], [0.0, 2.0]])));
        var estimate = Valid(ImportanceSampling.Estimate(RngKey.FromSeed(4), mixture, 1.0, proposal, 20_000));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Standard_errors_pass_the_chi_square_calibration()
    {
        // 2000 uniform draws on 10 spins: the weight ESS stays near 1500, where the delta method's z is close to normal.
        var model = BoltzmannRandom.Create(23, 10, StateConvention.Spin, 0.3, 0.5);
        var exact = EnumeratedLogZ(model, 1.0);
        var proposal = Proposal.Uniform(10, StateConvention.Spin);
        ErrorCalibration.AssertCalibrated(exact, key => Valid(ImportanceSampling.Estimate(key, model, 1.0, proposal, 2000)), 100);
    }

    [Fact]
    public void A_narrow_proposal_in_high_dimension_raises_the_degeneracy_warning()
    {
        var target = CorrelatedGaussian(50);
        var proposal = Proposal.Gaussian(Rescaled(target, 4.0));
        var estimate = Valid(ImportanceSampling.Estimate(RngKey.FromSeed(5), target, 1.0, proposal, 500));
        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.WeightDegeneracy);
    }

    private static Vec ExactMarginals(IDiscreteModel model)
    {
        var p = Enumeration.Probabilities(model, 1.0).Match(x => x, e => throw new InvalidOperationException(e.Message));
        var n = model.Dimension;
        return Vec.Create(n, m =>
        {
            for (var x = 0; x < p.Length; x++)
                for (var i = 0; i < n; i++)
                    if (((x >> i) & 1) == 1) m[i] += p[x];
        });
    }
}
