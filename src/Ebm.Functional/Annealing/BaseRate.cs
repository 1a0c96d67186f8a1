using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The base-rate model of Salakhutdinov and Murray (2008): independent visible units whose probabilities are
/// the smoothed data means, the usual start of AIS for an RBM trained on that data.
/// </summary>
public static class BaseRate
{
    /// <summary>The default pseudo-count added to each unit's ones and zeros.</summary>
    public const double DefaultSmoothing = 0.05;

    /// <summary>
    /// The visible biases b^A_i = logit((sum_n x_ni + s) / (N + 2 s)) of the base-rate model for data x
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

        for (var i = 0; i < columns; i++)
        {
            var p = (sums[i] + smoothing) / (rows + 2.0 * smoothing);
            sums[i] = Math.Log(p) - LogSpace.Log1p(-p);
        }

        return Success<Error, Vec>(Vec.Wrap(sums));
    }

    /// <summary>log Z of the base-rate model: sum_i softplus(b^A_i).</summary>
    public static double LogPartition(Vec visibleBias)
    {
        ArgumentNullException.ThrowIfNull(visibleBias);
        return LogSpace.SoftplusSum(visibleBias.Span);
    }
}
