using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The geometric bridge between two continuous energies: E_t(x) = (1 - t) E_0(x) + t beta E_1(x), so that
/// exp(-E_t) = f_0^(1-t) f_1^t with f_0 = exp(-E_0) and f_1 = exp(-beta E_1). Samplers run on it at beta 1.
/// </summary>
/// <param name="Start">E_0, the base energy (at inverse temperature 1).</param>
/// <param name="End">E_1, the target energy.</param>
/// <param name="Beta">The target's inverse temperature.</param>
/// <param name="T">The path position t in [0, 1].</param>
public sealed record InterpolatedEnergy(IContinuousModel Start, IContinuousModel End, double Beta, double T) : IContinuousModel
{
    /// <inheritdoc />
    public string Kind => "interpolated";

    /// <inheritdoc />
    public int Dimension => End.Dimension;

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> x) => Combine(Start.Energy(x), End.Energy(x));

    /// <inheritdoc />
    public Vec Energies(Mat xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var (e0, e1) = (Start.Energies(xs), End.Energies(xs));
        return Vec.Create(xs.Rows, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = Combine(e0[i], e1[i]);
        });
    }

    /// <inheritdoc />
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Span<double> other = gradient.Length <= 256 ? stackalloc double[gradient.Length] : new double[gradient.Length];
        Start.EnergyGradient(x, gradient);
        End.EnergyGradient(x, other);
        for (var i = 0; i < gradient.Length; i++) gradient[i] = Combine(gradient[i], other[i]);
    }

    // A weight of exactly zero drops its term, so an infinite energy outside one support does not give 0 * inf = NaN.
    private double Combine(double start, double end) =>
        (T == 1.0 ? 0.0 : (1.0 - T) * start) + (T == 0.0 ? 0.0 : T * Beta * end);
}
