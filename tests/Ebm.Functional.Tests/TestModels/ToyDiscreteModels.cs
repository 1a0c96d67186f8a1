using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.TestModels;

/// <summary>
/// A ring of n &gt;= 3 binary units with three-body couplings, a discrete model that is not a
/// Boltzmann machine: E(x) = -K sum_i x_i x_{i+1} x_{i+2} - h sum_i x_i, indices mod n.
/// </summary>
/// <remarks>
/// E is affine in x_i with local field f_i = K (x_{i+1} x_{i+2} + x_{i-1} x_{i+1} + x_{i-2} x_{i-1}) + h,
/// so flips cost O(1).
/// </remarks>
internal sealed record TripletRing(int Units, double Coupling, double Field, StateConvention States) : IDiscreteModel
{
    public string Kind => "triplet-ring";

    public int Dimension => Units;

    public double Energy(ReadOnlySpan<double> state)
    {
        var energy = 0.0;
        for (var i = 0; i < Units; i++)
            energy -= Coupling * state[i] * state[(i + 1) % Units] * state[(i + 2) % Units] + Field * state[i];
        return energy;
    }

    public Vec Energies(Mat states) => Vec.Create(states.Rows, e =>
    {
        for (var r = 0; r < states.Rows; r++) e[r] = Energy(states.Row(r));
    });

    public double FlipEnergyChange(ReadOnlySpan<double> state, int site)
    {
        var flipped = States == StateConvention.Binary ? 1.0 - state[site] : -state[site];
        return -LocalField(state, site) * (flipped - state[site]);
    }

    public double LocalField(ReadOnlySpan<double> state, int site)
    {
        double next = state[(site + 1) % Units], afterNext = state[(site + 2) % Units];
        double previous = state[(site + Units - 1) % Units], beforePrevious = state[(site + Units - 2) % Units];
        return Coupling * (next * afterNext + previous * next + beforePrevious * previous) + Field;
    }
}
