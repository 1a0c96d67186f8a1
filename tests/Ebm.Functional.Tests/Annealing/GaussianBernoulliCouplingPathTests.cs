using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The coupling path of a Gaussian-Bernoulli RBM starts from the uncoupled model, whose log Z it states exactly, and
/// ends at the model itself: log f_1 = -beta E, and log f_t is affine in t with slope d/dt log f_t.
/// </summary>
public sealed class GaussianBernoulliCouplingPathTests
{
    private static GaussianBernoulliRbm Model(double scale) => Valid(GaussianBernoulliRbm.Create(
        Mat.From(3, 2, [0.5 * scale, -0.25 * scale, 0.1 * scale, 0.3 * scale, -0.4 * scale, 0.2 * scale]),
        Vec.Of(0.0, 1.0, -0.5), Vec.Of(0.2, -0.1), Vec.Of(1.0, 0.5, 2.0)));

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void Log_z0_is_the_exact_log_z_of_the_uncoupled_model(double beta)
    {
        var path = Valid(Paths.GaussianBernoulliCoupling(Model(1.0), beta));
        var exact = Valid(GaussianBernoulliRbmExact.Compute(Model(0.0), beta)).LogZ;
        Assert.Equal(exact, path.LogZ0, 1e-12);
    }

    [Fact]
    public void The_densities_end_at_the_model_and_are_affine_in_t()
    {
        var model = Model(1.0);
        var path = Valid(Paths.GaussianBernoulliCoupling(model, 0.7));
        var particles = path.SampleBase(RngKey.FromSeed(5), 6);
        var end = path.LogDensity(1.0, particles);
        var energies = model.Energies(particles.Joint());
        var start = path.LogDensity(0.0, particles);
        var middle = path.LogDensity(0.4, particles);
        var slope = path.LogDensityDerivative(0.4, particles);
        for (var r = 0; r < 6; r++)
        {
            Assert.Equal(-0.7 * energies[r], end[r], 1e-12);
            Assert.Equal(start[r] + 0.4 * slope[r], middle[r], 1e-12);
            Assert.Equal(end[r] - start[r], slope[r], 1e-12);
        }
    }

    [Fact]
    public void A_beta_that_makes_no_distribution_is_refused()
    {
        Assert.Equal(AnnealingErrors.InvalidPathCode, Failures(Paths.GaussianBernoulliCoupling(Model(1.0), 0.0)).Single().Code);
    }
}
