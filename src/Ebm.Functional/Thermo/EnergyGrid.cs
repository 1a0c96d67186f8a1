using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// A grid of energies E_k = Minimum + k Spacing, k = 0..Count-1, on which every energy of a discrete model lies:
/// the bins of a Wang-Landau histogram for a model whose spectrum the library cannot derive itself.
/// </summary>
/// <remarks>
/// A state's energy E is put in bin k = round((E - Minimum) / Spacing) when it lies within 1e-6 Spacing of E_k, so the
/// rounding of energy differences never moves a walker to a neighbouring bin; any other energy is an error
/// (<see cref="WangLandauErrors.OffGrid"/>), never a silently wrong bin. Construct with <see cref="Create"/>.
/// <example><code>
/// // a Boltzmann machine with integer couplings in the spin convention: energies on the integers -12..12
/// var grid = EnergyGrid.Create(minimum: -12, spacing: 1, count: 25);
/// </code></example>
/// </remarks>
public sealed record EnergyGrid
{
    /// <summary>Most bins a grid may have.</summary>
    public const int MaxCount = 1 << 20;

    private const double Tolerance = 1e-6;

    private EnergyGrid(double minimum, double spacing, int count)
    {
        Minimum = minimum;
        Spacing = spacing;
        Count = count;
    }

    /// <summary>The lowest energy E_0.</summary>
    public double Minimum { get; }

    /// <summary>The distance between neighbouring energies (&gt; 0).</summary>
    public double Spacing { get; }

    /// <summary>The number of energies.</summary>
    public int Count { get; }

    /// <summary>Validates and builds a grid; every problem is reported.</summary>
    public static Validation<Error, EnergyGrid> Create(double minimum, double spacing, int count)
    {
        var errors = new List<Error>();
        if (!double.IsFinite(minimum)) errors.Add(WangLandauErrors.InvalidSetting("grid minimum", $"must be a finite number, got {minimum}"));
        if (!(double.IsFinite(spacing) && spacing > 0)) errors.Add(WangLandauErrors.InvalidSetting("grid spacing", $"must be a finite number > 0, got {spacing}"));
        if (count < 1 || count > MaxCount) errors.Add(WangLandauErrors.InvalidSetting("grid count", $"must be in 1..{MaxCount}, got {count}"));
        return errors.Count == 0 ? Success<Error, EnergyGrid>(new EnergyGrid(minimum, spacing, count)) : Fail<Error, EnergyGrid>(errors.ToSeq());
    }

    /// <summary>E_k = Minimum + k Spacing.</summary>
    public double Energy(int bin) => Minimum + bin * Spacing;

    /// <summary>The bin of <paramref name="energy"/>, or -1 when it lies off the grid.</summary>
    public int BinOf(double energy)
    {
        var position = (energy - Minimum) / Spacing;
        var bin = Math.Round(position);
        return bin >= 0 && bin < Count && Math.Abs(position - bin) <= Tolerance ? (int)bin : -1;
    }

    /// <inheritdoc />
    public override string ToString() => $"minimum {Minimum:R}, spacing {Spacing:R}, {Count} energies";
}
