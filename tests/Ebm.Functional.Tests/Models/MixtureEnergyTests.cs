using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>The mixture energy E = -log sum_k w_k N(x; mu_k, sigma_k^2 I), including far-away points where every N_k underflows.</summary>
public sealed class MixtureEnergyTests
{
    private static readonly GaussianMixture2D Single = (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(2.0), Mat.FromRows([[1.0, -1.0]]), Vec.Of(0.5));

    private static readonly GaussianMixture2D Pair = (GaussianMixture2D)GaussianMixture2D.Create(
        Vec.Of(0.3, 0.7), Mat.FromRows([[-1.0, 0.0], [2.0, 1.0]]), Vec.Of(0.5, 2.0));

    [Fact]
    public void One_component_is_a_shifted_quadratic()
    {
        // E = -log 2 + log(2 pi 0.25) + |x - mu|^2 / (2 * 0.25); at x = (2, 0), |x - mu|^2 = 2.
        var expected = -Math.Log(2.0) + Math.Log(0.5 * Math.PI) + 4.0;
        Assert.Equal(expected, Single.Energy([2.0, 0.0]), 14);
        var gradient = new double[2];
        Single.EnergyGradient([2.0, 0.0], gradient);
        Assert.Equal(4.0, gradient[0], 14);
        Assert.Equal(4.0, gradient[1], 14);
    }

    [Fact]
    public void One_component_parameter_gradient_has_unit_responsibility()
    {
        var g = Single.ParameterGradient([2.0, 0.0]);
        Assert.Equal(-1.0, g.LogWeights[0], 15);
        Assert.Equal(-0.5, g.Weights[0], 15);
        Assert.Equal(-4.0, g.Means[0, 0], 14);
        Assert.Equal(-4.0, g.Means[0, 1], 14);
        // r (2 / sigma - |x - mu|^2 / sigma^3) = 4 - 2 / 0.125.
        Assert.Equal(-12.0, g.Sigmas[0], 13);
    }

    [Fact]
    public void Two_components_match_the_direct_sum_where_it_does_not_underflow()
    {
        double[] x = [0.3, -0.4];
        var direct = 0.0;
        for (var k = 0; k < 2; k++)
        {
            double dx = x[0] - Pair.Means[k, 0], dy = x[1] - Pair.Means[k, 1], s2 = Pair.Sigmas[k] * Pair.Sigmas[k];
            direct += Pair.Weights[k] * Math.Exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * Math.PI * s2);
        }

        Assert.Equal(-Math.Log(direct), Pair.Energy(x), 13);
    }

    [Fact]
    public void Far_away_the_energy_and_gradient_stay_finite_and_follow_the_widest_component()
    {
        // At x = (1000, 0) every density underflows (exp(-1.99e6) and exp(-1.25e5)), yet
        // log-sum-exp gives E = -l_2 - log(1 + exp(l_1 - l_2)) with l_1 - l_2 about -1.9e6, i.e. E = -l_2.
        double[] x = [1000.0, 0.0];
        var wide = -Math.Log(0.7) + Math.Log(2 * Math.PI * 4.0) + (998.0 * 998.0 + 1.0) / 8.0;
        Assert.True(Math.Abs(Pair.Energy(x) - wide) <= 1e-15 * wide);
        var gradient = new double[2];
        Pair.EnergyGradient(x, gradient);
        Assert.Equal(998.0 / 4.0, gradient[0], 12);
        Assert.Equal(-1.0 / 4.0, gradient[1], 12);
    }

    [Fact]
    public void Batch_energies_and_mean_parameter_gradient_agree_with_single_points()
    {
        var batch = Mat.FromRows([[0.3, -0.4], [1000.0, 0.0], [-1.0, 0.1]]);
        var energies = Pair.Energies(batch);
        var mean = Pair.MeanParameterGradient(batch);
        var sums = new double[8];
        for (var row = 0; row < batch.Rows; row++)
        {
            Assert.Equal(Pair.Energy(batch.Row(row)), energies[row]);
            var g = Pair.ParameterGradient(batch.Row(row));
            for (var k = 0; k < 2; k++)
            {
                sums[k] += g.LogWeights[k] / batch.Rows;
                sums[2 + k] += g.Sigmas[k] / batch.Rows;
                sums[4 + 2 * k] += g.Means[k, 0] / batch.Rows;
                sums[5 + 2 * k] += g.Means[k, 1] / batch.Rows;
            }
        }

        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(sums[k], mean.LogWeights[k], 13);
            Assert.Equal(sums[k] / Pair.Weights[k], mean.Weights[k], 13);
            Assert.Equal(sums[2 + k], mean.Sigmas[k], 12);
            Assert.Equal(sums[4 + 2 * k], mean.Means[k, 0], 12);
            Assert.Equal(sums[5 + 2 * k], mean.Means[k, 1], 12);
        }
    }

    [Fact]
    public void Responsibilities_sum_to_one()
    {
        var g = Pair.ParameterGradient([0.5, 0.5]);
        Assert.Equal(-1.0, g.LogWeights[0] + g.LogWeights[1], 15);
    }

    [Fact]
    public void Is_a_continuous_model_with_its_kind()
    {
        Assert.Equal("gaussian-mixture-2d", ((IContinuousModel)Pair).Kind);
        Assert.Throws<ArgumentException>(() => Pair.Energy([1.0, 2.0, 3.0]));
    }
}
