using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;
using Xunit;
using static Ebm.Functional.Tests.Estimators.EstimationFixtures;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Invalid options are reported as errors, all at once, with their codes.</summary>
public sealed class SamplingEstimateValidationTests
{
    private static Seq<Error> Errors<T>(Validation<Error, T> v) => v.Match(_ => throw new InvalidOperationException("expected errors"), e => e);

    [Fact]
    public void Importance_sampling_reports_count_dimension_and_convention_together()
    {
        var model = BoltzmannRandom.Create(61, 4, StateConvention.Binary);
        var errors = Errors(ImportanceSampling.Estimate(RngKey.FromSeed(1), model, -1.0, Proposal.Uniform(5, StateConvention.Spin), 0));
        Assert.Equal(
            new[] { SamplingEstimateErrors.InvalidArgumentCode, SamplingEstimateErrors.InvalidArgumentCode, SamplingEstimateErrors.DimensionMismatchCode, SamplingEstimateErrors.ConventionMismatchCode },
            errors.Map(e => e.Code).ToArray());
    }

    [Fact]
    public void A_discrete_proposal_for_a_continuous_model_is_a_convention_error()
    {
        var target = CorrelatedGaussian(3);
        var errors = Errors(ImportanceSampling.Estimate(RngKey.FromSeed(1), target, 1.0, Proposal.Uniform(3, StateConvention.Binary), 10));
        Assert.Equal(SamplingEstimateErrors.ConventionMismatchCode, errors.Single().Code);
    }

    [Fact]
    public void Proposal_parameters_are_checked()
    {
        Assert.Equal(2, Errors(Proposal.Bernoulli(Vec.Of(0.0, 0.5, 1.2), StateConvention.Binary)).Count);
        Assert.Equal(SamplingEstimateErrors.InvalidProposalCode, Errors(Proposal.BernoulliLogits(Vec.Of(double.NaN), StateConvention.Spin)).Single().Code);
        Assert.Equal(SamplingEstimateErrors.InvalidProposalCode, Errors(Proposal.Gaussian(Vec.Of(0.0, 0.0), Mat.FromRows([[1.0, 2.0], [2.0, 1.0]]))).Single().Code);
        Assert.Equal(2, Errors(Proposal.BaseRate(Mat.FromRows([[0.0, 2.0]]), StateConvention.Binary, 0.0)).Count);
    }

    [Fact]
    public void Base_rate_frequencies_are_smoothed_by_the_pseudo_count()
    {
        // Data: unit 0 high in 3 of 4 rows, unit 1 never: p = (3 + 1) / 6 and (0 + 1) / 6.
        var data = Mat.FromRows([[1.0, -1.0], [1.0, -1.0], [1.0, -1.0], [-1.0, -1.0]]);
        var proposal = Valid(Proposal.BaseRate(data, StateConvention.Spin));
        var logQ = proposal.LogDensity(Mat.FromRows([[1.0, 1.0]]))[0];
        Assert.Equal(Math.Log(4.0 / 6 * (1.0 / 6)), logQ, 1e-14);
    }

    [Fact]
    public void Bridge_inputs_and_settings_are_checked()
    {
        var errors = Errors(BridgeSampling.Estimate(Vec.Of(0.0, double.NaN), Vec.Of(0.0), Vec.Of(0.0), Vec.Of(0.0),
            settings: new BridgeSettings(0.0, 0, 5.0)));
        var codes = errors.Map(e => e.Code).ToArray();
        // tolerance, iteration budget, effective size above N1 = 2, and the NaN log density; plus the length mismatch.
        Assert.Equal(4, codes.Count(c => c == SamplingEstimateErrors.InvalidArgumentCode));
        Assert.Single(codes, SamplingEstimateErrors.LengthMismatchCode);
    }

    [Fact]
    public void Integration_points_are_checked()
    {
        Assert.Equal(SamplingEstimateErrors.InvalidPointsCode,
            Errors(ThermodynamicIntegration.Integrate(Vec.Of(0.0, 1.0), Vec.Of(0.0, 0.0), Vec.Of(0.0, 0.0), 0.0, 1.0, IntegrationRule.Simpson)).Single().Code);
        Assert.Equal(SamplingEstimateErrors.InvalidPointsCode,
            Errors(ThermodynamicIntegration.Integrate(Vec.Of(0.0, 0.5, 0.4), Vec.Of(0.0, 0.0, 0.0), Vec.Of(0.0, 0.0, 0.0), 0.0, 1.0, IntegrationRule.Trapezoid)).Single().Code);
        Assert.Equal(SamplingEstimateErrors.LengthMismatchCode,
            Errors(ThermodynamicIntegration.Integrate(Vec.Of(0.0, 1.0), Vec.Of(0.0), Vec.Of(0.0, 0.0), 0.0, 1.0, IntegrationRule.Trapezoid)).Single().Code);
    }
}
