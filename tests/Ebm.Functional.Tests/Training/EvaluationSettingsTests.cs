using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Training;

public sealed class EvaluationSettingsTests
{
    [Fact]
    public void The_weight_passes_of_an_rbm_evaluation_add_up_as_documented()
    {
        var settings = EvaluationSettings.Default;

        // 784 x 500, 10,000 + 2,000 rows, 100 chains: AIS 2 x 100 x 1000, 3 per row, 784 x (100 + 100) pseudo-likelihood sites, 3 x 100 x 20 for R-hat.
        Assert.Equal(200_000 + 36_000 + 156_800 + 6_000, settings.RbmWeightPasses(784, 500, 10_000, 2_000, 100));
        // 16 x 8: exact, 2^8; 30 rows; pseudo-likelihood on 30 rows of 16 sites; no chains.
        Assert.Equal(256 + 90 + 480, settings.RbmWeightPasses(16, 8, 30, 0, 0));
        // 784 x 24: AIS and reverse AIS from 2^24 exact draws.
        Assert.Equal(400_000 + (1 << 24) + 30 + 7_840, settings.RbmWeightPasses(784, 24, 10, 0, 0));
        // The same as a Gaussian-Bernoulli RBM: no sandwich, no pseudo-likelihood.
        Assert.Equal(200_000 + 30, settings.RbmWeightPasses(784, 24, 10, 0, 0, gaussianVisible: true));
    }

    [Fact]
    public void The_weight_passes_of_a_boltzmann_machine_evaluation_add_up_as_documented()
    {
        var settings = EvaluationSettings.Default;

        Assert.Equal((1 << 10) + 50 + 50 + 8 * 20, settings.BoltzmannWeightPasses(10, 50, 0, 8));
        // 64 units: AIS 100 x 1000 sweeps, 400 + 50 energies, pseudo-likelihood on 100 + 50 rows.
        Assert.Equal(100_000 + 400 + 50 + 100 + 50, settings.BoltzmannWeightPasses(64, 400, 50, 0));
        Assert.Equal(200_000 + (1 << 12) + 50 + 50, new EvaluationSettings(ExactMaxUnits: 0).BoltzmannWeightPasses(12, 50, 0, 0));
    }
}
