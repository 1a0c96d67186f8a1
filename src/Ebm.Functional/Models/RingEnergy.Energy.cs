using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>Energy, gradients and parameter gradients of the 2-D ring energy.</summary>
public sealed partial record RingEnergy : IContinuousModel
{
    /// <summary>E(x, y) = scale (x^2 + y^2 - radius^2)^2.</summary>
    /// <example>radius 1, scale 0.1 at the origin: E = 0.1.</example>
    public double Energy(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        return EnergyAt(x[0], x[1]);
    }

    /// <summary>E of every row of the n x 2 batch.</summary>
    public Vec Energies(Mat xs) => ToyChecks.EnergiesOf(xs, nameof(xs), EnergyAt);

    /// <summary>dE/dx = 4 scale q x, dE/dy = 4 scale q y with q = x^2 + y^2 - radius^2.</summary>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        ToyChecks.RequirePoint(gradient, nameof(gradient));
        var slope = 4.0 * Scale * Excess(x[0], x[1]);
        gradient[0] = slope * x[0];
        gradient[1] = slope * x[1];
    }

    /// <summary>dE/dradius = -4 scale radius q, dE/dscale = q^2 at one point (see <see cref="RingEnergyGradient"/>).</summary>
    public RingEnergyGradient ParameterGradient(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        var q = Excess(x[0], x[1]);
        return new RingEnergyGradient(-4.0 * Scale * Radius * q, q * q);
    }

    /// <summary>The parameter gradient averaged over the rows of the n x 2 batch.</summary>
    public RingEnergyGradient MeanParameterGradient(Mat xs)
    {
        ToyChecks.RequireNonEmptyBatch(xs, nameof(xs));
        double excess = 0, squaredExcess = 0;
        for (var row = 0; row < xs.Rows; row++)
        {
            var q = Excess(xs[row, 0], xs[row, 1]);
            excess += q;
            squaredExcess += q * q;
        }

        return new RingEnergyGradient(-4.0 * Scale * Radius * excess / xs.Rows, squaredExcess / xs.Rows);
    }

    private double Excess(double x, double y) => x * x + y * y - Radius * Radius;

    private double EnergyAt(double x, double y)
    {
        var q = Excess(x, y);
        return Scale * q * q;
    }
}
