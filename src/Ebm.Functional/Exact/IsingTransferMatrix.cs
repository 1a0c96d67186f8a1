using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log Z, U, Var(E) and magnetisation moments of an Ising lattice with a short side, by the
/// row-to-row transfer matrix, for either boundary and any field.
/// </summary>
/// <remarks>
/// <para>Rows run along the long side (the lattice is transposed internally when it is wider than tall; the
/// energy is symmetric under transposition). A row of w &lt;= 16 spins has 2^w states s; with the row energy
/// E_row(s) = -J sum_c s_c s_{c+1} - h sum_c s_c (the c + 1 wrapping around on a periodic row) and the
/// bond factor between consecutive rows exp(beta J sum_c s_c s'_c),
/// Z = 1^T (D B)^{L-1} D 1 for open boundaries and Z = Tr (D B)^L for periodic ones, D = diag exp(-beta E_row).
/// B factorises over the w columns, so applying it costs w 2^{w-1} two-by-two updates instead of 4^w
/// (Kramers and Wannier 1941; Onsager 1944; the butterfly as in any transfer-matrix code).</para>
/// <para>Instead of a number per row state the propagated vector holds, for the configurations of the rows so
/// far that end in that state, their total weight (a mantissa with its own binary exponent) and the
/// weighted mean and variance of E and M, merged exactly by <see cref="IsingMoments"/>. This gives log Z,
/// U = &lt;E&gt;, Var(E), &lt;M&gt; and &lt;M^2&gt; exactly in one pass, with no cancellation even where Var(E) is
/// exponentially small, and no weight over- or underflows, even on a frustrated torus (J &lt; 0, odd side) at
/// very low temperature, whose diagonal can be e^-1000 times the largest entry of the propagated vector.</para>
/// <para>The periodic trace propagates one basis vector per orbit of row states under rotation, reflection
/// and (at h = 0) spin reversal (<see cref="IsingRowSymmetry"/>), in parallel over orbits, results combined
/// in a fixed order, so the answer is bit-identical for any thread count.</para>
/// <para>Limits: the shorter side at most <see cref="MaxWidth"/>; the work, counted in two-by-two updates,
/// (L - 1) w 2^{w-1} open or orbits(w) L w 2^{w-1} periodic, at most <see cref="MaxWork"/> = 2^32 (about 20 ns
/// of one core per update, so at worst a minute and a half on one core, less on several as rows of 2^13 or
/// more states and the orbits are split between cores): every open lattice up to 16 x 4096 fits; at zero field
/// periodic lattices fit up to 10 x 4096, 12 x 1100, 14 x 85 and 16 x 6 (about half those lengths in a
/// field). Beyond, an error names the work and the alternatives (Kaufman's formula covers every periodic
/// lattice at zero field).</para>
/// </remarks>
public static class IsingTransferMatrix
{
    /// <summary>The largest short side, so a row has at most 65536 states.</summary>
    public const int MaxWidth = 16;

    /// <summary>The largest accepted number of two-by-two updates.</summary>
    public const long MaxWork = 4L << 30;

    /// <summary>The largest beta (E_max - E_min) the binary exponents of the weights can span, with a wide margin.</summary>
    private const double MaxLogWeightRange = 1e9;

    /// <summary>True when <see cref="Compute"/> accepts <paramref name="model"/>.</summary>
    public static bool Applies(IsingModel model) => Check(model).IsNone;

    /// <summary>Exact log Z, U, Var(E), &lt;M&gt; and &lt;M^2&gt; at inverse temperature beta, or why the lattice is too large.</summary>
    /// <param name="model">The lattice.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<ExactResult> Compute(IsingModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        var problem = Check(model);
        if (problem.IsSome) return FinFail<ExactResult>((Error)problem);

        // The propagation runs on the lattice with J and h divided by a power of two s near max(|J|, |h|), at
        // beta s: log Z is the same and exact (the division is), and the energy moments come out in units of s,
        // where neither E^2 underflows (|J| = 1e-200) nor overflows (1e200); U = s U', Var(E) = s^2 Var',
        // C = (beta s)^2 Var'.
        var scale = EnergyUnit(model);
        var unit = IsingModel.Create(model.Rows, model.Columns, Bonded(model) ? model.Coupling / scale : 0.0, model.Field / scale, model.Boundary)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var scaledBeta = beta * scale;
        var energyRange = 2.0 * model.Dimension * (2.0 * Math.Abs(unit.Coupling) + Math.Abs(unit.Field));
        if (!(scaledBeta * energyRange < MaxLogWeightRange))
            return FinFail<ExactResult>(ExactErrors.MethodRange("transfer-matrix", ModelFields.TooLarge(model), beta,
                $"beta times the energy range {ExactErrors.Number(energyRange * scale)} must stay below {MaxLogWeightRange:E0} for the transfer matrix's weight exponents"));
        var rows = new IsingRowTables(unit, scaledBeta, maxDegreeOfParallelism);
        var length = Math.Max(model.Rows, model.Columns);
        var (logShift, total) = model.Boundary == Boundary.Periodic ? Trace(rows, length, model.Field == 0.0) : OpenSum(rows, length);
        var magnetisation = new MagnetisationMoments(
            total.MeanMagnetisation,
            total.MagnetisationVariance + total.MeanMagnetisation * total.MeanMagnetisation,
            Option<double>.None,
            Option<double>.None);
        var variance = Math.Max(0.0, total.EnergyVariance);
        var result = new ExactResult("transfer-matrix", beta, logShift + total.LogWeight, scale * total.MeanEnergy,
            ExactThermodynamics.SquareTimes(scale, variance), Some(magnetisation))
        {
            Entropy = ExactThermodynamics.Entropy(scaledBeta, total.MeanEnergy, logShift + total.LogWeight),
            HeatCapacity = ExactThermodynamics.SquareTimes(scaledBeta, variance),
        };
        return ExactResultCheck.Finite(model, result);
    }

    /// <summary>
    /// The two-by-two updates one <see cref="Compute"/> call makes on <paramref name="model"/> (an upper estimate for a
    /// periodic lattice), the work <see cref="MaxWork"/> bounds; <see cref="long.MaxValue"/> when the shorter side is over
    /// <see cref="MaxWidth"/>. Lets a caller state the cost of a sweep over many betas before running it.
    /// </summary>
    public static long Updates(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var width = Math.Min(model.Rows, model.Columns);
        return width > MaxWidth ? long.MaxValue : Work(width, Math.Max(model.Rows, model.Columns), model.Boundary, model.Field == 0.0);
    }

    /// <summary>
    /// 2^k nearest below max(|J|, |h|), or 1 when both are 0: dividing by it is exact. J counts only where the lattice
    /// has a bond (not on one open site), so that an idle J of 1e178 cannot push h^2 Var(M) below the smallest double.
    /// </summary>
    private static double EnergyUnit(IsingModel model)
    {
        var largest = Math.Max(Bonded(model) ? Math.Abs(model.Coupling) : 0.0, Math.Abs(model.Field));
        return largest > 0 ? Math.ScaleB(1.0, Math.ILogB(largest)) : 1.0;
    }

    /// <summary>False only for a single open site, whose energy -h s has no bond for J to act on.</summary>
    private static bool Bonded(IsingModel model) => model.Dimension > 1 || model.Boundary == Boundary.Periodic;

    private static Option<Error> Check(IsingModel model)
    {
        var width = Math.Min(model.Rows, model.Columns);
        var size = $"{model.Rows} x {model.Columns}";
        if (width > MaxWidth)
            return ExactErrors.TooLarge("an Ising lattice", size, $"the transfer matrix needs a side of at most {MaxWidth}");
        var work = Work(width, Math.Max(model.Rows, model.Columns), model.Boundary, model.Field == 0.0);
        if (work > MaxWork)
            return ExactErrors.TooLarge("an Ising lattice", size,
                $"the transfer matrix would need {work:E2} updates, more than its limit of {MaxWork:E2}" +
                (model.Boundary == Boundary.Periodic && model.Field == 0.0 ? "; Kaufman's formula is exact for the periodic lattice at zero field" : ""));
        return None;
    }

    private static long Work(int width, int length, Boundary boundary, bool zeroField)
    {
        var perRow = (long)width << (width - 1);
        if (boundary == Boundary.Open) return (length - 1) * perRow;
        return EstimatedOrbits(width, zeroField) * length * perRow;
    }

    /// <summary>An upper estimate of the number of orbits, 2^w / (2w) (halved at zero field) plus the fixed points, so the check stays cheap.</summary>
    private static long EstimatedOrbits(int width, bool zeroField) => ((1L << width) / (2 * width) + (1L << (width / 2 + 1))) / (zeroField ? 2 : 1) + 1;

    private static (double LogShift, IsingMoments Total) OpenSum(IsingRowTables rows, int length)
    {
        var vector = Enumerable.Repeat(IsingMoments.Unit, rows.StateCount).ToArray();
        rows.ApplyDiagonal(vector);
        for (var step = 1; step < length; step++) rows.Step(vector);
        var total = default(IsingMoments);
        foreach (var entry in vector) total = IsingMoments.Merge(total, 1.0, 0, 0.0, entry, 1.0, 0, 0.0);
        return (rows.DiagonalLogShift + (length - 1) * rows.LogShiftPerRow, total);
    }

    private static (double LogShift, IsingMoments Total) Trace(IsingRowTables rows, int length, bool zeroField)
    {
        var (representatives, sizes) = IsingRowSymmetry.Orbits(rows.Width, zeroField);
        var diagonals = new IsingMoments[representatives.Length];
        Batch.ForEachRow(rows.MaxDegreeOfParallelism, representatives.Length, orbit =>
        {
            var start = representatives[orbit];
            var vector = new IsingMoments[rows.StateCount];
            vector[start] = IsingMoments.Unit;
            for (var step = 0; step < length; step++) rows.Step(vector);
            var diagonal = vector[start];
            diagonals[orbit] = zeroField ? IsingMoments.Merge(diagonal, 0.5, 0, 0.0, diagonal.SpinReversed(), 0.5, 0, 0.0) : diagonal;
        });

        var total = default(IsingMoments);
        for (var orbit = 0; orbit < representatives.Length; orbit++)
            total = IsingMoments.Merge(total, 1.0, 0, 0.0, diagonals[orbit], sizes[orbit], 0, 0.0);
        return (length * rows.LogShiftPerRow, total);
    }
}
