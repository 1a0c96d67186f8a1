using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>A model over x in R^d with a differentiable energy.</summary>
public interface IContinuousModel : IEnergyModel
{
    /// <summary>E(x) of one point.</summary>
    double Energy(ReadOnlySpan<double> x);

    /// <summary>E of every row of <paramref name="xs"/>.</summary>
    Vec Energies(Mat xs);

    /// <summary>Writes dE/dx at <paramref name="x"/> into <paramref name="gradient"/>.</summary>
    void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient);
}
