using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The base-rate model of Salakhutdinov and Murray (2008, "On the quantitative analysis of deep belief networks"):
/// independent units whose probabilities are the smoothed data frequencies. It starts AIS for an RBM trained on that
/// data (<see cref="VisibleBias"/>) and is the factorised proposal of importance sampling (<c>Proposal.BaseRate</c>).
/// </summary>
/// <remarks>
/// <para>One definition, <see cref="Logit"/>: a unit that is high in h of N rows has probability
/// p = (h + s) / (N + 2 s), the frequency after adding s pseudo-observations of each value, so no p is 0 or 1 and
/// every state keeps positive probability. Worked number: h = 3 of N = 4 rows with s = 1 gives p = 4 / 6.</para>
/// <para>The smoothing s is the one parameter. Its default depends on the use, and each default is the value that
/// caller has always had: <see cref="DefaultSmoothing"/> = 0.05 for an annealing base, which only needs to sit close
/// to the data, and 1 (Laplace's rule) for an importance-sampling proposal, whose weights f / q blow up wherever
/// q is far below the target, so its tails are kept heavier.</para>
/// </remarks>
public static class BaseRate
{
    /// <summary>The default pseudo-count of an annealing base (<see cref="VisibleBias"/>).</summary>
    public const double DefaultSmoothing = 0.05;

    /// <summary>
    /// The base-rate log-odds of one unit: logit(p) with p = (h + s) / (N + 2 s), h the unit's high count (or sum of
    /// probabilities) over N rows, s the smoothing (pseudo-count) added to each of its two values.
    /// </summary>
    /// <param name="highs">h, in [0, N].</param>
    /// <param name="rows">N, at least 0 (with no rows every unit is 1/2: log-odds 0).</param>
    /// <param name="smoothing">s, positive and finite (checked by the callers that take it from users).</param>
    public static double Logit(double highs, int rows, double smoothing)
    {
        var p = (highs + smoothing) / (rows + 2.0 * smoothing);
        return Math.Log(p) - LogSpace.Log1p(-p);
    }

    /// <summary>
    /// The visible biases b^A_i = <see cref="Logit"/>(sum_n x_ni, N, s) of the base-rate model for data x
    /// (N rows, one unit per column, entries in [0, 1]) and smoothing s. With no rows, every bias is 0 (uniform).
    /// Its log normaliser is sum_i softplus(b^A_i).
    /// </summary>
    /// <param name="data">N x nv, entries in [0, 1] (binary data, or probabilities).</param>
    /// <param name="smoothing">The pseudo-count s, positive and finite.</param>
    /// <returns>The biases, or every problem found (<see cref="RbmAnnealingErrors"/>).</returns>
    public static Validation<Error, Vec> VisibleBias(Mat data, double smoothing = DefaultSmoothing)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(smoothing > 0) || !double.IsFinite(smoothing)) return Fail<Error, Vec>(RbmAnnealingErrors.InvalidSmoothing(smoothing));
        var (rows, columns) = (data.Rows, data.Columns);
        var sums = new double[columns];
        for (var n = 0; n < rows; n++)
        {
            var row = data.Row(n);
            for (var i = 0; i < columns; i++)
            {
                if (!(row[i] >= 0 && row[i] <= 1)) return Fail<Error, Vec>(RbmAnnealingErrors.DataOutOfRange(n, i, row[i]));
                sums[i] += row[i];
            }
        }

        for (var i = 0; i < columns; i++) sums[i] = Logit(sums[i], rows, smoothing);

        return Success<Error, Vec>(Vec.Wrap(sums));
    }

    /// <summary>log Z of the base-rate model: sum_i softplus(b^A_i).</summary>
    public static double LogPartition(Vec visibleBias)
    {
        ArgumentNullException.ThrowIfNull(visibleBias);
        return LogSpace.SoftplusSum(visibleBias.Span);
    }
}
