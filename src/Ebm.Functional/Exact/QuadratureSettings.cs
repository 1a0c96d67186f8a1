using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// How hard <see cref="Quadrature2D"/> works: the convergence tolerance, the grid limits, and how
/// far into the tails the integration box reaches.
/// </summary>
/// <param name="Tolerance">
/// Largest accepted scaled difference between two successive grids (see
/// <see cref="QuadratureResult.EstimatedError"/>); the default 1e-12 leaves a margin of 100 below
/// the 1e-10 relative accuracy the library promises.
/// </param>
/// <param name="MinIntervals">Fewest intervals per axis on the first grid (a power of two).</param>
/// <param name="MaxIntervals">Most intervals per axis (a power of two); the default 4096 bounds the finest grid at 4097^2 energy evaluations.</param>
/// <param name="TailExponent">
/// T: the box reaches to where beta (E - E_min) &gt;= T. For the toy energies of <see cref="ToyExact"/>
/// this bounds the truncated mass by about K^2 erfc(sqrt(T)) of Z (K = 1 except for a K-component
/// mixture); at the default T = 60, erfc(sqrt(60)) = 1.5e-28, far below double precision. T = 745,
/// where exp(-T) underflows, makes the integrand itself vanish at the edges, at the price of a box
/// about sqrt(745 / 60) = 3.5 times wider for Gaussian tails (12 times the nodes).
/// </param>
/// <param name="MaxDegreeOfParallelism">Threads for the grid rows (-1: no limit); the result does not depend on it.</param>
public sealed record QuadratureSettings(double Tolerance = 1e-12, int MinIntervals = 32, int MaxIntervals = 4096, double TailExponent = 60.0, int MaxDegreeOfParallelism = -1)
{
    /// <summary>The defaults: tolerance 1e-12, 32 to 4096 intervals per axis, tail exponent 60.</summary>
    public static QuadratureSettings Default { get; } = new();

    /// <summary>Throws when a setting is out of range: settings are chosen in code, so a bad one is a programmer error.</summary>
    public void Validate()
    {
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be a positive finite number");
        if (MinIntervals < 2 || !int.IsPow2(MinIntervals)) throw new ArgumentOutOfRangeException(nameof(MinIntervals), MinIntervals, "must be a power of two >= 2");
        if (MaxIntervals < MinIntervals || !int.IsPow2(MaxIntervals) || MaxIntervals > 1 << 16)
            throw new ArgumentOutOfRangeException(nameof(MaxIntervals), MaxIntervals, "must be a power of two between MinIntervals and 65536");
        if (!(TailExponent > 0) || !double.IsFinite(TailExponent)) throw new ArgumentOutOfRangeException(nameof(TailExponent), TailExponent, "must be a positive finite number");
        Batch.CheckParallelism(MaxDegreeOfParallelism);
    }
}
