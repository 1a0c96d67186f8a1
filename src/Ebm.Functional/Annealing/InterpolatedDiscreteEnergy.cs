using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The geometric bridge between two discrete models over the same units: E_t(x) = beta ((1 - t) E_A(x) + t E_B(x)),
/// so that exp(-E_t) = f_A^(1-t) f_B^t with f_A = exp(-beta E_A) and f_B = exp(-beta E_B). Samplers run on it at
/// beta 1 (e.g. <c>HeatBathGibbs.BuildKernel(bridge, 1.0)</c>).
/// </summary>
/// <remarks>Energy changes and local fields are linear in the energy, so they interpolate the same way.</remarks>
/// <param name="Start">Model A (t = 0).</param>
/// <param name="End">Model B (t = 1), with the same dimension and state convention as A.</param>
/// <param name="Beta">The inverse temperature of both ends.</param>
/// <param name="T">The path position t in [0, 1].</param>
public sealed record InterpolatedDiscreteEnergy(IDiscreteModel Start, IDiscreteModel End, double Beta, double T) : IDiscreteModel
{
    /// <inheritdoc />
    public string Kind => "interpolated";

    /// <inheritdoc />
    public int Dimension => End.Dimension;

    /// <inheritdoc />
    public StateConvention States => End.States;

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> state) => Combine(Start.Energy(state), End.Energy(state));

    /// <inheritdoc />
    public Vec Energies(Mat states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var (e0, e1) = (Start.Energies(states), End.Energies(states));
        return Vec.Create(states.Rows, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = Combine(e0[i], e1[i]);
        });
    }

    /// <inheritdoc />
    public double FlipEnergyChange(ReadOnlySpan<double> state, int site) =>
        Combine(Start.FlipEnergyChange(state, site), End.FlipEnergyChange(state, site));

    /// <inheritdoc />
    public double LocalField(ReadOnlySpan<double> state, int site) =>
        Combine(Start.LocalField(state, site), End.LocalField(state, site));

    // A weight of exactly zero drops its term, so an infinite energy of one end does not give 0 * inf = NaN.
    private double Combine(double start, double end) =>
        (T == 1.0 ? 0.0 : (1.0 - T) * Beta * start) + (T == 0.0 ? 0.0 : T * Beta * end);
}
