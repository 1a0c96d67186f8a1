using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// A model over categorical units: each unit takes one of <see cref="Levels"/> values 0, 1, ..., q - 1, stored as
/// doubles (so states travel in the same <see cref="Mat"/> rows as binary ones).
/// </summary>
/// <remarks>
/// The categorical state convention of the q-state Potts and clock models: a unit is a label, not a number
/// the energy is linear in, so there is no local field; a single-unit move is described by
/// <see cref="ChangeEnergy"/> instead. A state of the wrong length, a site outside the model or a value outside
/// 0..q-1 is a programmer error and throws.
/// </remarks>
public interface ICategoricalModel : IEnergyModel
{
    /// <summary>q, the number of values a unit takes (at least 2).</summary>
    int Levels { get; }

    /// <summary>E(x) of one state (values 0..q-1).</summary>
    double Energy(ReadOnlySpan<double> state);

    /// <summary>E of every row of <paramref name="states"/>.</summary>
    Vec Energies(Mat states);

    /// <summary>E(x with unit <paramref name="site"/> set to <paramref name="value"/>) - E(x).</summary>
    double ChangeEnergy(ReadOnlySpan<double> state, int site, int value);
}
