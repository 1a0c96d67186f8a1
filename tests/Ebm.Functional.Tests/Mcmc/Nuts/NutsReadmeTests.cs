using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Adaptation;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using NutsSampler = Ebm.Functional.Mcmc.Nuts.Nuts;

namespace Ebm.Functional.Tests.Mcmc.Nuts;

/// <summary>The README's NUTS-with-warm-up example, run as written, against the exact mean and marginal variances.</summary>
public sealed class NutsReadmeTests
{
    /// <remarks>
    /// The Gaussian has mean (0, 2) and covariance with eigenvalues 1 and 0.01 along the diagonals, so both marginal
    /// variances are 0.505. 8 chains x 1000 kept steps: each chain's mean of x1 is one batch (the chains are independent
    /// and start from the warmed-up state), checked within 4.5 standard errors of the 8 batch means (t with 7 degrees of
    /// freedom: delta = 2.8e-3). The adapted inverse masses pool 500 x 8 = 4,000 draws of a strongly correlated target;
    /// their relative error sqrt(2 tau / 4000) with tau &lt;= 10 is 0.07, and 4.5 of it allows 0.32.
    /// </remarks>
    [Fact]
    public void The_readme_pipeline_adapts_and_samples_the_exact_gaussian()
    {
        Validation<Error, (AdaptedTuning Tuning, Mat[] Draws)> run =
            from model in GaussianModel.Create(Vec.Of(0.0, 2.0), Mat.FromRows([[50.5, -49.5], [-49.5, 50.5]]))
            let start = NutsSampler.Create(model, beta: 1.0, stepSize: 0.1).Init(Mat.Create(8, 2, d => RngKey.FromSeed(1).Normal(d)))
            let warm = WindowAdaptation.Run(RngKey.FromSeed(2), start, WindowSchedule.Stan(1000), DualAveragingSettings.Stan, 0.1,
                t => NutsSampler.Factory(model, new NutsParams(t.StepSize, t.InverseMassDiagonal))(1.0))
            let nuts = NutsSampler.Create(model, 1.0, warm.Tuning.StepSize, warm.Tuning.InverseMassDiagonal)
            select (warm.Tuning, Loop.Scan(RngKey.FromSeed(3), warm.State, 1000, nuts.Step, (s, _) => s.Positions).Trace);

        run.Match(
            Succ: r =>
            {
                var chainMeans = Enumerable.Range(0, 8).Select(c => r.Draws.Average(p => p[c, 1])).ToArray();
                var mean = chainMeans.Average();
                var standardError = Math.Sqrt(chainMeans.Sum(m => (m - mean) * (m - mean)) / 7 / 8);
                Assert.True(Math.Abs(mean - 2.0) <= 4.5 * standardError, $"mean x1 {mean:R}, exact 2, standard error {standardError:R}");
                for (var j = 0; j < 2; j++)
                    Assert.InRange(r.Tuning.InverseMassDiagonal[j] / 0.505, 1 - 0.32, 1 + 0.32);
            },
            Fail: errors => Assert.Fail(string.Join("; ", errors.Map(e => e.Message))));
    }
}
