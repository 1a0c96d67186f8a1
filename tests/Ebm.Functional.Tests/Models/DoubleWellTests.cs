using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>The double well E = barrier (x^2 - 1)^2 + stiffness y^2 / 2 at hand-computed points.</summary>
public sealed class DoubleWellTests
{
    private static readonly DoubleWell Wells = (DoubleWell)DoubleWell.Create(barrier: 0.5, stiffness: 2.0);

    [Fact]
    public void Energy_has_minima_at_plus_and_minus_one_and_the_barrier_at_the_origin()
    {
        Assert.Equal(0.0, Wells.Energy([1.0, 0.0]));
        Assert.Equal(0.0, Wells.Energy([-1.0, 0.0]));
        Assert.Equal(0.5, Wells.Energy([0.0, 0.0]));
        // (2, 3): 0.5 * 3^2 + 2 * 9 / 2 = 4.5 + 9.
        Assert.Equal(13.5, Wells.Energy([2.0, 3.0]), 14);
    }

    [Fact]
    public void Gradient_at_a_point()
    {
        var gradient = new double[2];
        Wells.EnergyGradient([2.0, 3.0], gradient);
        Assert.Equal(4.0 * 0.5 * 2.0 * 3.0, gradient[0], 14);
        Assert.Equal(6.0, gradient[1], 14);
    }

    [Fact]
    public void Parameter_gradient_at_a_point_and_over_a_batch()
    {
        Assert.Equal(new DoubleWellGradient(9.0, 4.5), Wells.ParameterGradient([2.0, 3.0]));
        var mean = Wells.MeanParameterGradient(Mat.FromRows([[2.0, 3.0], [0.0, 1.0]]));
        Assert.Equal(5.0, mean.Barrier, 14);
        Assert.Equal(2.5, mean.Stiffness, 14);
    }

    [Fact]
    public void Batch_energies_equal_single_energies()
    {
        var batch = Mat.FromRows([[2.0, 3.0], [0.0, 0.0], [-0.7, 0.2]]);
        var energies = Wells.Energies(batch);
        for (var row = 0; row < batch.Rows; row++) Assert.Equal(Wells.Energy(batch.Row(row)), energies[row]);
    }

    [Fact]
    public void A_point_off_the_plane_is_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => Wells.Energy([1.0]));
        Assert.Throws<ArgumentException>(() => Wells.Energies(Mat.Zeros(1, 3)));
        Assert.Equal("double-well", ((IContinuousModel)Wells).Kind);
    }
}
