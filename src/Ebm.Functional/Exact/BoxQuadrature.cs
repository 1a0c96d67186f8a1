using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// log Z(beta) = log of the integral of exp(-beta E(x, y)) over a box, for energies evaluated a batch at a time (neural
/// energies, whose every evaluation is a pass through the network): one grid of (n + 1)^2 nodes, its energies computed
/// block by block of rows through <c>energies</c>, and Romberg extrapolation of the trapezoid sums on it and on its two
/// coarser sub-grids (steps 2h and 4h).
/// </summary>
/// <remarks>
/// <para>The box is part of the definition: the density is exp(-beta E) / Z on the box and 0 outside. That is how a
/// neural energy on the plane gets a log-likelihood at all (a tanh network's energy is bounded, so its integral over the
/// plane diverges; a softplus network's grows at most linearly). <see cref="Quadrature2D"/> integrates the plane for the
/// toy energies whose tails are known.</para>
/// <para>The trapezoid sums T(h), T(2h), T(4h) share the nodes, so the energies are computed once. For an integrand
/// that is smooth on the box, the error of T(h) has the Euler-Maclaurin expansion c1 h^2 + c2 h^4 + ..., on a
/// tensor-product grid too, and Romberg's table R(1, k) = (4 T(h_k) - T(2 h_k)) / 3, R(2, 2) = (16 R(1, 2) - R(1, 1)) / 15
/// removes the first two terms (Davis and Rabinowitz 1984, "Methods of Numerical Integration", sec. 6.3). The reported
/// error is |log R(2, 2) - log R(1, 2)|, the last correction. All sums are relative to the smallest beta E on the grid,
/// so no exponential overflows.</para>
/// <para>Deterministic: the blocks and the sums run in a fixed order on the calling thread (the matrix products inside
/// the energies may use several).</para>
/// </remarks>
/// <example><code>
/// var box = new QuadratureRegion(-6, 6, -6, 6, 0.1, 0.1);
/// var logZ = BoxQuadrature.Compute(model.Energies, box).Map(r =&gt; r.LogZ);
/// </code></example>
public static class BoxQuadrature
{
    /// <summary>Intervals per axis of the finest grid by default: 512 (263,169 energies).</summary>
    public const int DefaultIntervals = 512;

    /// <summary>Grid rows whose energies are computed in one call (a block of 16 x 513 points).</summary>
    public const int BlockRows = 16;

    /// <summary>Half the side of <see cref="Box"/>, in units of the input scaling (standard deviations of the training data): 6.</summary>
    public const double HalfWidth = 6.0;

    /// <summary>
    /// The box on which the density of a 2-D neural energy with input scaling <paramref name="scaling"/> is normalised:
    /// shift_i +- <see cref="HalfWidth"/> scale_i on each axis, the training data's mean +- 6 standard deviations when the
    /// scaling is the data's standardisation. The density is exp(-E) / Z on the box and 0 outside.
    /// </summary>
    /// <exception cref="ArgumentException">The scaling is not 2-D.</exception>
    public static QuadratureRegion Box(InputScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        if (scaling.Dimension != 2) throw new ArgumentException($"has {scaling.Dimension} coordinates; the box is for 2-D models", nameof(scaling));
        double sx = scaling.Scale[0], sy = scaling.Scale[1];
        var step = 2 * HalfWidth / DefaultIntervals;
        return new QuadratureRegion(scaling.Shift[0] - HalfWidth * sx, scaling.Shift[0] + HalfWidth * sx,
            scaling.Shift[1] - HalfWidth * sy, scaling.Shift[1] + HalfWidth * sy, step * sx, step * sy);
    }

    /// <summary>
    /// log Z, U and Var(E) of a 2-D <see cref="MlpEnergy"/> or <see cref="MlpClassifier"/> (its energy -logsumexp f) on
    /// <see cref="Box"/> of its input scaling, as an exact result of method "quadrature"; other models fail.
    /// </summary>
    public static Fin<ExactResult> Network(IContinuousModel model, double beta)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scaling = model switch
        {
            MlpEnergy { Dimension: 2 } energy => energy.Scaling,
            MlpClassifier { Dimension: 2 } classifier => classifier.Scaling,
            _ => null,
        };
        return scaling is null
            ? FinFail<ExactResult>(ExactErrors.MethodNotApplicable(Quadrature2D.MethodName, $"{model.Kind} of dimension {model.Dimension}", "quadrature on the box of a neural energy needs a 2-D mlp or mlp-classifier"))
            : Compute(model.Energies, Box(scaling), beta).Map(r => r.Exact);
    }

    /// <summary>
    /// log Z of exp(-<paramref name="beta"/> E) over <paramref name="box"/> (its feature scales are not used: the grid is
    /// fixed) on a grid of <paramref name="intervals"/> intervals per axis, a power of two from 8 to 8192. Fails on an
    /// invalid box or beta, a non-finite energy, or a Romberg value that is not positive.
    /// </summary>
    public static Fin<BoxQuadratureResult> Compute(Func<Mat, Vec> energies, QuadratureRegion box, double beta = 1.0, int intervals = DefaultIntervals)
    {
        ArgumentNullException.ThrowIfNull(energies);
        ArgumentNullException.ThrowIfNull(box);
        if (intervals < 8 || intervals > 8192 || !int.IsPow2(intervals))
            throw new ArgumentOutOfRangeException(nameof(intervals), intervals, "must be a power of two from 8 to 8192");
        if (!double.IsFinite(beta) || !(beta > 0))
            return FinFail<BoxQuadratureResult>(ExactErrors.InvalidBeta(beta, "quadrature needs a finite beta > 0"));
        if (box.Problem() is { } problem) return FinFail<BoxQuadratureResult>(QuadratureErrors.InvalidRegion(problem));

        var side = intervals + 1;
        double xStep = (box.XMax - box.XMin) / intervals, yStep = (box.YMax - box.YMin) / intervals;
        var scaled = new double[side * side];
        for (var first = 0; first < side; first += BlockRows)
        {
            var rows = Math.Min(BlockRows, side - first);
            var points = Mat.Create(rows * side, 2, d =>
            {
                for (var j = 0; j < rows; j++)
                    for (var i = 0; i < side; i++)
                    {
                        d[2 * (j * side + i)] = box.XMin + i * xStep;
                        d[2 * (j * side + i) + 1] = box.YMin + (first + j) * yStep;
                    }
            });
            var block = energies(points);
            if (block.Length != points.Rows) throw new ArgumentException($"returned {block.Length} energies for {points.Rows} points", nameof(energies));
            for (var k = 0; k < block.Length; k++) scaled[first * side + k] = beta * block[k];
        }

        var smallest = double.PositiveInfinity;
        foreach (var e in scaled)
        {
            if (double.IsNaN(e)) return FinFail<BoxQuadratureResult>(QuadratureErrors.NonFiniteEnergy("energy", "the energy is NaN somewhere in the box"));
            smallest = Math.Min(smallest, e);
        }

        if (double.IsInfinity(smallest))
            return FinFail<BoxQuadratureResult>(QuadratureErrors.NonFiniteEnergy("energy", "exp(-beta E) is 0 or infinite at every grid node"));
        var (weight, weightFinal) = Romberg(scaled, side, smallest, 0, xStep * yStep);
        if (!(weight > 0) || !(weightFinal > 0))
            return FinFail<BoxQuadratureResult>(QuadratureErrors.NonFiniteEnergy("energy", "the grid is too coarse for the energy: the Romberg values are not positive"));
        var logZ = Math.Log(weightFinal) - smallest;
        var mean = Romberg(scaled, side, smallest, 1, xStep * yStep).Final / weightFinal;
        var variance = Math.Max(0, Romberg(scaled, side, smallest, 2, xStep * yStep).Final / weightFinal - mean * mean);
        var meanScaled = smallest + mean;
        var exact = new ExactResult(Quadrature2D.MethodName, beta, logZ, meanScaled / beta, variance / beta / beta, Option<MagnetisationMoments>.None)
        {
            Entropy = meanScaled + logZ,
            HeatCapacity = variance,
        };
        return FinSucc(new BoxQuadratureResult(logZ, Math.Abs(Math.Log(weightFinal) - Math.Log(weight)), box, intervals, beta) { Exact = exact });
    }

    /// <summary>
    /// R(1, 2) and R(2, 2) of the integral of (beta E - shift)^power exp(-(beta E - shift)) from the trapezoid sums at
    /// steps h, 2h and 4h (<paramref name="cell"/> is the area of the finest cell).
    /// </summary>
    private static (double Once, double Final) Romberg(double[] scaled, int side, double shift, int power, double cell)
    {
        var fine = Trapezoid(scaled, side, 1, shift, power) * cell;
        var middle = Trapezoid(scaled, side, 2, shift, power) * 4 * cell;
        var coarse = Trapezoid(scaled, side, 4, shift, power) * 16 * cell;
        double first = (4 * middle - coarse) / 3, second = (4 * fine - middle) / 3;
        return (second, (16 * second - first) / 15);
    }

    /// <summary>
    /// The trapezoid sum of (beta E - shift)^power exp(-(beta E - shift)) over the nodes whose indices are multiples of
    /// <paramref name="stride"/>, without the cell area.
    /// </summary>
    private static double Trapezoid(double[] scaled, int side, int stride, double shift, int power)
    {
        var last = side - 1;
        var total = 0.0;
        for (var j = 0; j <= last; j += stride)
        {
            var row = 0.0;
            for (var i = 0; i <= last; i += stride)
            {
                var excess = scaled[j * side + i] - shift;
                if (double.IsPositiveInfinity(excess)) continue;
                row += (i == 0 || i == last ? 0.5 : 1.0) * Math.Pow(excess, power) * Math.Exp(-excess);
            }

            total += (j == 0 || j == last ? 0.5 : 1.0) * row;
        }

        return total;
    }
}
