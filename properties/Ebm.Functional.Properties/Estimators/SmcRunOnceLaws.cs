using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Properties.Annealing.EstimatorResults;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// <see cref="Smc.RunOnce{TState}"/> itself is unbiased: run once per outcome of the exact law (every base draw, every
/// resampling outcome of its scheme, every move of the exact heat-bath matrix; <see cref="SmcRunOnceReplay"/>), the
/// probability-weighted sum of its estimates exp(log Z - log Z_0) equals Z_1 / Z_0, whether it never, sometimes or
/// always resamples (Del Moral, Doucet and Jasra 2006). Where <see cref="SmcProperties"/> checks the law with the
/// implementation's step functions, this one checks the loop that calls them: the order of reweighting, resampling
/// and moving, the weights it resamples with and resets, the point each move is made at, and the sum of log m_k.
/// </summary>
/// <remarks>
/// At most 2,000 outcomes of probabilities and exponentials of order one per case: the sum holds to well under 1e-9
/// relative.
/// </remarks>
public sealed class SmcRunOnceLaws
{
    private const double RelativeTolerance = 1e-9;

    [Property(MaxTest = 30, Arbitrary = [typeof(SmcReplayArbitrary)])]
    public void Run_once_is_unbiased_over_every_outcome_of_its_draws(SmcExactCase c)
    {
        var schedule = AnnealingSchedule.Create(Vec.Of(c.Points)).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));
        var options = SmcOptions.Create(c.Particles, schedule, resampleThreshold: c.Threshold, scheme: c.Scheme, repetitions: 1)
            .Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var key = RngKey.FromSeed(7);
        var logZ0 = c.Path().LogZ0;
        var expectation = ExactEnumeration.Expectation(choices =>
        {
            var run = Valid(Smc.RunOnce(key, new SmcRunOnceReplay(c, choices, key).Path, options));
            return Math.Exp(run.Estimate.LogZ - logZ0);
        });

        var exact = c.ExactRatio();
        Assert.True(Math.Abs(expectation / exact - 1.0) < RelativeTolerance, $"E[exp(log Z - log Z_0)] = {expectation:R}, Z_1/Z_0 = {exact:R} on {c}");
    }
}
