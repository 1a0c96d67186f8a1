using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The moment-matched reference of a Gaussian target is the target's own mean with its standard deviations widened,
/// within bounds derived from the pilot's sample size; the same key gives the same reference; bad options and a
/// bad beta are errors, not exceptions.
/// </summary>
public sealed class GaussianReferenceTests
{
    // Target N(m, diag(s^2)), m = (1, -2), s = (0.7, 1.4), at beta 1.
    private static readonly double[] Mean = [1.0, -2.0];
    private static readonly double[] Deviation = [0.7, 1.4];

    private static GaussianModel Target() =>
        Valid(GaussianModel.Create(Vec.Of(Mean), Mat.Create(2, 2, p =>
        {
            p[0] = 1 / (Deviation[0] * Deviation[0]);
            p[3] = 1 / (Deviation[1] * Deviation[1]);
        })));

    [Fact]
    public void On_a_gaussian_target_the_reference_has_its_mean_and_its_standard_deviations_widened()
    {
        // 32 chains x 2,000 recorded draws = 64,000 draws. HMC with trajectory length 0.2 x 10 = 2 on deviations 0.7 and
        // 1.4 decorrelates within a step or two; we assume only tau <= 10, so ESS >= 6,400. Then the mean's standard
        // error is at most 1.4 / 80 = 0.0175 and the relative standard error of a sample deviation sqrt(1 / (2 ESS)) =
        // 0.0088. Tolerances of 5 standard errors: false-failure probability about 6e-7 per coordinate.
        var options = Valid(GaussianReferenceOptions.Create(chains: 32, burnIn: 200, draws: 2000, stepSize: 0.2, leapfrogSteps: 10));
        var reference = Valid(GaussianReference.MomentMatched(RngKey.FromSeed(11), Target(), 1.0, options));
        const double ess = 32 * 2000 / 10.0;
        for (var i = 0; i < 2; i++)
        {
            Assert.InRange(reference.Mean[i], Mean[i] - 5 * Deviation[i] / Math.Sqrt(ess), Mean[i] + 5 * Deviation[i] / Math.Sqrt(ess));
            var matched = 1 / Math.Sqrt(reference.Precision[i, i]) / options.Widening;
            Assert.InRange(matched / Deviation[i], 1 - 5 * Math.Sqrt(1 / (2 * ess)), 1 + 5 * Math.Sqrt(1 / (2 * ess)));
        }

        Assert.Equal(0.0, reference.Precision[0, 1]);
    }

    [Fact]
    public void The_same_key_gives_the_same_reference_and_another_key_another()
    {
        var options = GaussianReferenceOptions.Default;
        var first = Valid(GaussianReference.MomentMatched(RngKey.FromSeed(3), Target(), 1.0, options));
        var again = Valid(GaussianReference.MomentMatched(RngKey.FromSeed(3), Target(), 1.0, options));
        var other = Valid(GaussianReference.MomentMatched(RngKey.FromSeed(4), Target(), 1.0, options));
        Assert.Equal(first.Mean.ToArray(), again.Mean.ToArray());
        Assert.Equal(first.Precision.Span.ToArray(), again.Precision.Span.ToArray());
        Assert.NotEqual(first.Mean.ToArray(), other.Mean.ToArray());
    }

    [Fact]
    public void Bad_options_are_all_reported_at_once_and_a_bad_beta_is_an_error()
    {
        var bad = GaussianReferenceOptions.Create(chains: 0, burnIn: -1, draws: 0, stepSize: double.NaN, leapfrogSteps: 0, widening: 0.5, startScale: 1e200);
        var errors = bad.Match(_ => [], e => e.Map(x => x.Message).ToArray());
        Assert.Equal(7, errors.Length);
        Assert.All(errors, m => Assert.StartsWith("reference: ", m));
        Assert.True(GaussianReference.MomentMatched(RngKey.FromSeed(1), Target(), 0.0, GaussianReferenceOptions.Default).IsFail);
        Assert.True(GaussianReference.MomentMatched(RngKey.FromSeed(1), Target(), double.PositiveInfinity, GaussianReferenceOptions.Default).IsFail);
        Assert.True(GaussianReference.Isotropic(2, 1e151).IsFail);
        Assert.True(GaussianReference.Isotropic(0, 1.0).IsFail);
    }

    [Theory]
    [InlineData(GaussianReference.MinScale)]
    [InlineData(GaussianReference.MaxScale)]
    public void At_the_scale_bounds_the_reference_and_a_draw_40_deviations_out_have_finite_energies(double scale)
    {
        var reference = Valid(GaussianReference.Isotropic(3, scale));
        Assert.True(double.IsFinite(reference.Energy([40 * scale, -40 * scale, 40 * scale])));
        Assert.True(double.IsFinite(GaussianExact.Compute(reference, 1.0).LogZ));
    }

    [Fact]
    public void The_readme_example_builds_a_path_from_the_matched_reference_and_options_made_with_with_are_checked()
    {
        var model = Target();
        var pilot = GaussianReferenceOptions.Default with { StepSize = 0.1, Draws = 1000 };
        var path = GaussianReference.MomentMatched(RngKey.FromSeed(7).FoldIn(1), model, beta: 1.0, pilot)
            .Match(Succ: reference => Paths.FromGaussian(model, 1.0, reference, m => Mala.Factory(m, 0.1)(1.0)),
                   Fail: error => LanguageExt.Prelude.Fail<LanguageExt.Common.Error, AnnealingPath<Ebm.Functional.Mcmc.ContinuousChains>>(error));
        path.Match(Succ: p => Assert.Equal(1.0, p.TargetBeta), Fail: errors => Assert.Fail(string.Join("; ", errors)));
        var bad = GaussianReference.MomentMatched(RngKey.FromSeed(7), model, 1.0, GaussianReferenceOptions.Default with { Chains = 0 });
        Assert.True(bad.IsFail);
    }
}
