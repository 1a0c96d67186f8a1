using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>Energy, gradients and parameter gradients of the 2-D double well.</summary>
public sealed partial record DoubleWell : IContinuousModel
{
    /// <summary>E(x, y) = barrier (x^2 - 1)^2 + stiffness y^2 / 2.</summary>
    /// <example>barrier 1, stiffness 1 at (0, 1): E = 1.5.</example>
    public double Energy(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        return EnergyAt(x[0], x[1]);
    }

    /// <summary>E of every row of the n x 2 batch.</summary>
    public Vec Energies(Mat xs) => ToyChecks.EnergiesOf(xs, nameof(xs), EnergyAt);

    /// <summary>dE/dx = 4 barrier x (x^2 - 1), dE/dy = stiffness y.</summary>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        ToyChecks.RequirePoint(gradient, nameof(gradient));
        gradient[0] = 4.0 * Barrier * x[0] * (x[0] * x[0] - 1.0);
        gradient[1] = Stiffness * x[1];
    }

    /// <summary>dE/dbarrier = (x^2 - 1)^2, dE/dstiffness = y^2 / 2 at one point.</summary>
    public DoubleWellGradient ParameterGradient(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        var well = x[0] * x[0] - 1.0;
        return new DoubleWellGradient(well * well, 0.5 * x[1] * x[1]);
    }

    /// <summary>The parameter gradient averaged over the rows of the n x 2 batch.</summary>
    public DoubleWellGradient MeanParameterGradient(Mat xs)
    {
        ToyChecks.RequireNonEmptyBatch(xs, nameof(xs));
        double barrier = 0, stiffness = 0;
        for (var row = 0; row < xs.Rows; row++)
        {
            var well = xs[row, 0] * xs[row, 0] - 1.0;
            barrier += well * well;
            stiffness += 0.5 * xs[row, 1] * xs[row, 1];
        }

        return new DoubleWellGradient(barrier / xs.Rows, stiffness / xs.Rows);
    }

    private double EnergyAt(double x, double y)
    {
        var well = x * x - 1.0;
        return Barrier * well * well + 0.5 * Stiffness * y * y;
    }
}
