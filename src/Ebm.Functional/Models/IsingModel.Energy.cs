using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Energy, single-flip changes, local fields, magnetisation and parameter gradients of the Ising lattice.
/// </summary>
/// <remarks>
/// E(s) = -J B(s) - h M(s) with B(s) = sum_i s_i (s_right(i) + s_down(i)) and M(s) = sum_i s_i.
/// On a periodic lattice the right neighbour of the last column is the first column (and likewise
/// for rows), so a periodic side of length 2 counts its pair twice and a periodic side of length 1
/// couples a site to itself (a constant -J per site that no flip changes). On an open lattice only
/// bonds inside the lattice count. States are row-major spans of +1/-1 values of length
/// <see cref="IEnergyModel.Dimension"/>; a span of another length is a programmer error and throws.
/// </remarks>
public sealed partial record IsingModel : IDiscreteModel
{
    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> state)
    {
        CheckLength(state.Length);
        return -Coupling * BondSum(state) - Field * SpinSum(state);
    }

    /// <inheritdoc />
    public Vec Energies(Mat states)
    {
        CheckLength(states.Columns);
        return Vec.Create(states.Rows, energies =>
        {
            for (var row = 0; row < energies.Length; row++)
            {
                var state = states.Row(row);
                energies[row] = -Coupling * BondSum(state) - Field * SpinSum(state);
            }
        });
    }

    /// <summary>E(s with spin <paramref name="site"/> flipped) - E(s) = 2 s_i f_i, in O(1).</summary>
    public double FlipEnergyChange(ReadOnlySpan<double> state, int site)
    {
        var field = LocalField(state, site);
        return 2.0 * state[site] * field;
    }

    /// <summary>
    /// f_i = J sum_{j ~ i, j != i} s_j + h, the neighbour sum counting a doubled neighbour (periodic
    /// side 2) twice and skipping the site itself (periodic side 1), so that p(s_i = +1 | rest) = sigmoid(2 beta f_i).
    /// </summary>
    public double LocalField(ReadOnlySpan<double> state, int site)
    {
        CheckLength(state.Length);
        if ((uint)site >= (uint)state.Length) throw new ArgumentOutOfRangeException(nameof(site), $"site {site} is outside 0..{state.Length - 1}");
        int row = Math.DivRem(site, Columns, out var column);
        var neighbours = 0.0;
        if (Columns > 1)
        {
            if (Boundary == Boundary.Periodic || column + 1 < Columns) neighbours += state[row * Columns + (column + 1) % Columns];
            if (Boundary == Boundary.Periodic || column > 0) neighbours += state[row * Columns + (column + Columns - 1) % Columns];
        }

        if (Rows > 1)
        {
            if (Boundary == Boundary.Periodic || row + 1 < Rows) neighbours += state[(row + 1) % Rows * Columns + column];
            if (Boundary == Boundary.Periodic || row > 0) neighbours += state[(row + Rows - 1) % Rows * Columns + column];
        }

        return Coupling * neighbours + Field;
    }

    /// <summary>M(s) = sum_i s_i.</summary>
    public double Magnetisation(ReadOnlySpan<double> state)
    {
        CheckLength(state.Length);
        return SpinSum(state);
    }

    /// <summary>B(s) = sum over bonds of s_i s_j (each site's right and down bond), so that E = -J B - h M.</summary>
    public double BondCorrelation(ReadOnlySpan<double> state)
    {
        CheckLength(state.Length);
        return BondSum(state);
    }

    /// <summary>dE/dJ = -B(s) and dE/dh = -M(s) at one state.</summary>
    public IsingGradient ParameterGradient(ReadOnlySpan<double> state)
    {
        CheckLength(state.Length);
        return new IsingGradient(-BondSum(state), -SpinSum(state));
    }

    /// <summary>The mean of <see cref="ParameterGradient"/> over the rows of <paramref name="states"/> (at least one row).</summary>
    public IsingGradient MeanParameterGradient(Mat states)
    {
        CheckLength(states.Columns);
        if (states.Rows == 0) throw new ArgumentException("the batch has no states", nameof(states));
        double bonds = 0, spins = 0;
        for (var row = 0; row < states.Rows; row++)
        {
            var state = states.Row(row);
            bonds += BondSum(state);
            spins += SpinSum(state);
        }

        return new IsingGradient(-bonds / states.Rows, -spins / states.Rows);
    }

    private double BondSum(ReadOnlySpan<double> state)
    {
        var periodic = Boundary == Boundary.Periodic;
        var sum = 0.0;
        for (var row = 0; row < Rows; row++)
        {
            var below = row + 1 < Rows ? row + 1 : periodic ? 0 : -1;
            var offset = row * Columns;
            for (var column = 0; column < Columns; column++)
            {
                var spin = state[offset + column];
                var right = column + 1 < Columns ? column + 1 : periodic ? 0 : -1;
                var neighbours = 0.0;
                if (right >= 0) neighbours += state[offset + right];
                if (below >= 0) neighbours += state[below * Columns + column];
                sum += spin * neighbours;
            }
        }

        return sum;
    }

    private static double SpinSum(ReadOnlySpan<double> state)
    {
        var sum = 0.0;
        foreach (var spin in state) sum += spin;
        return sum;
    }

    private void CheckLength(int length)
    {
        if (length != Dimension) throw new ArgumentException($"an Ising state of this {Rows} x {Columns} lattice has {Dimension} spins, got {length}");
    }
}
