using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using Ebm.Functional.Mcmc.Langevin;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// The unadjusted Langevin algorithm on the 1-D Gaussian E = x^2 / (2 sigma^2) at beta: the chain is the
/// AR(1) process x' = a x + eps xi with a = 1 - eps^2 beta / (2 sigma^2), whose stationary law is
/// N(0, eps^2 / (1 - a^2)) exactly; with s^2 = sigma^2 / beta that is s^2 / (1 - eps^2 / (4 s^2)).
/// </summary>
/// <remarks>
/// eps = 0.5 s, so a = 0.875 and the stationary variance is s^2 / (1 - 1/16) = 1.0667 s^2: a bias of
/// 6.7 %, about eight standard errors here, so the test sees both that the variance is the derived one
/// and that it is not the target's. Chains start from exact target draws N(0, s^2) and burn in 300 steps
/// (the variance gap decays as a^(2t) = 1e-35 by then); C = 64, T = 2000; Z = 4.5 standard errors
/// (delta = 3e-5 per check, see <see cref="ContinuousTestSupport"/>).
/// </remarks>
public sealed class LangevinTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(0.7, 3.0)]
    public void Stationary_variance_is_the_exact_discretised_one(double sigma, double beta)
    {
        var model = Gaussian(Vec.Of(0.0), Mat.FromRows([[1 / (sigma * sigma)]]));
        var s2 = sigma * sigma / beta;
        var eps = 0.5 * Math.Sqrt(s2);
        var a = 1 - eps * eps * beta / (2 * sigma * sigma);
        var exactVariance = eps * eps / (1 - a * a);
        Assert.Equal(s2 / (1 - eps * eps / (4 * s2)), exactVariance, 12);

        var root = RngKey.FromSeed(77);
        var ula = Langevin.Create(model, beta, eps);
        var start = ula.Init(ExactDraws(root.FoldIn(0), model, beta, 64));
        var averages = ChainAverages(root.FoldIn(1), start, ula.Step, 300, 2000, [x => x[0], x => x[0] * x[0]]);

        AssertMatches(averages, 0, 0.0, "mean");
        AssertMatches(averages, 1, exactVariance, "variance");
        var (variance, se) = Pooled(averages, 1);
        Assert.True(variance - s2 > Z * se, $"the O(eps^2) bias {exactVariance - s2:R} should be resolved: estimate {variance:R}, se {se:R}");
    }

    [Fact]
    public void One_step_is_the_documented_update_and_reports_acceptance_one()
    {
        var model = Gaussian(Vec.Of(0.5, -1.0), Mat.FromRows([[2.0, 0.3], [0.3, 1.0]]));
        var key = RngKey.FromSeed(5);
        const double beta = 1.7, eps = 0.4;
        var ula = Langevin.Create(model, beta, eps);
        var start = ula.Init(Mat.FromRows([[0.1, 0.2], [-1.0, 2.0], [3.0, -0.5]]));
        var (next, info) = ula.Step(key, start);
        for (var c = 0; c < 3; c++)
        {
            var x = start.Positions.Row(c).ToArray();
            var r = new[] { x[0] - 0.5, x[1] + 1.0 };
            var grad = new[] { 2.0 * r[0] + 0.3 * r[1], 0.3 * r[0] + 1.0 * r[1] };
            for (var j = 0; j < 2; j++)
            {
                var expected = x[j] - eps * eps / 2 * beta * grad[j] + eps * key.FoldIn(c).FoldIn(0).NormalAt(j);
                Assert.Equal(expected, next.Positions[c, j], 12);
            }

            Assert.Equal(1.0, info.AcceptanceRates[c]);
            Assert.Equal(model.Energy(next.Positions.Row(c)), next.Energies[c], 12);
        }

        Assert.Equal(0, info.NonFiniteProposals);
    }
}
