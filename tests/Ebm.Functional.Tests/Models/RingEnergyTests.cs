using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>The ring E = scale (x^2 + y^2 - radius^2)^2 at hand-computed points.</summary>
public sealed class RingEnergyTests
{
    private static readonly RingEnergy Classic = (RingEnergy)RingEnergy.Create();

    [Fact]
    public void The_classic_ring_is_zero_on_the_unit_circle_and_a_tenth_at_the_origin()
    {
        Assert.Equal(0.0, Classic.Energy([0.6, 0.8]), 15);
        Assert.Equal(0.1, Classic.Energy([0.0, 0.0]), 15);
        // (1, 1): 0.1 * (2 - 1)^2.
        Assert.Equal(0.1, Classic.Energy([1.0, 1.0]), 15);
    }

    [Fact]
    public void Gradient_and_parameter_gradient_at_a_point()
    {
        var gradient = new double[2];
        Classic.EnergyGradient([1.0, 1.0], gradient);
        Assert.Equal(0.4, gradient[0], 15);
        Assert.Equal(0.4, gradient[1], 15);
        var g = Classic.ParameterGradient([1.0, 1.0]);
        Assert.Equal(-0.4, g.Radius, 15);
        Assert.Equal(1.0, g.Scale, 15);
    }

    [Fact]
    public void Batch_energies_and_mean_parameter_gradient_agree_with_single_points()
    {
        var ring = (RingEnergy)RingEnergy.Create(radius: 1.5, scale: 0.3);
        var batch = Mat.FromRows([[1.0, 1.0], [0.0, 0.0], [2.0, -0.5]]);
        var energies = ring.Energies(batch);
        double radius = 0, scale = 0;
        for (var row = 0; row < batch.Rows; row++)
        {
            Assert.Equal(ring.Energy(batch.Row(row)), energies[row]);
            var g = ring.ParameterGradient(batch.Row(row));
            radius += g.Radius / batch.Rows;
            scale += g.Scale / batch.Rows;
        }

        var mean = ring.MeanParameterGradient(batch);
        Assert.Equal(radius, mean.Radius, 14);
        Assert.Equal(scale, mean.Scale, 14);
    }

    [Fact]
    public void Is_a_continuous_model_with_its_kind()
    {
        Assert.Equal("ring", ((IContinuousModel)Classic).Kind);
        Assert.Throws<ArgumentException>(() => Classic.EnergyGradient([1.0, 1.0], new double[1]));
    }
}
