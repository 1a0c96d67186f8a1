using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// A model over binary units (values per <see cref="States"/>), stored as doubles.
/// </summary>
/// <remarks>
/// The local field f_i is defined by the energy change of setting unit i high rather than low:
/// E(x_i = high) - E(x_i = low) = -f_i (high - low). So p(x_i = 1 | rest) = sigmoid(beta f_i) for
/// {0,1} units and p(s_i = +1 | rest) = sigmoid(2 beta f_i) for spins.
/// </remarks>
public interface IDiscreteModel : IEnergyModel
{
    /// <summary>{0,1} or {-1,+1} units.</summary>
    StateConvention States { get; }

    /// <summary>E(x) of one state.</summary>
    double Energy(ReadOnlySpan<double> state);

    /// <summary>E of every row of <paramref name="states"/>.</summary>
    Vec Energies(Mat states);

    /// <summary>E(x with unit <paramref name="site"/> flipped) - E(x).</summary>
    double FlipEnergyChange(ReadOnlySpan<double> state, int site);

    /// <summary>The local field f_i of unit <paramref name="site"/> given the rest of the state.</summary>
    double LocalField(ReadOnlySpan<double> state, int site);
}
