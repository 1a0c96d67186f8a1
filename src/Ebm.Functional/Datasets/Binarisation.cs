using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>
/// Real data (pixel intensities, probabilities) made binary for a Bernoulli model: by a threshold, or by drawing each
/// value as a Bernoulli variable with the value as its probability (stochastic binarisation, as Salakhutdinov and
/// Murray 2008 binarise MNIST).
/// </summary>
public static class Binarisation
{
    /// <summary>1 where a value exceeds <paramref name="threshold"/>, else 0 (scikit-learn's <c>Binarizer</c> rule: x &gt; t).</summary>
    /// <returns>The 0/1 matrix, or <see cref="DatasetErrors.InvalidSetting"/> for a threshold that is not finite.</returns>
    public static Fin<Mat> Threshold(Mat data, double threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!double.IsFinite(threshold)) return FinFail<Mat>(DatasetErrors.InvalidSetting("threshold", $"must be finite, got {threshold}"));
        return FinSucc(Mat.Create(data.Rows, data.Columns, d =>
        {
            var x = data.Span;
            for (var i = 0; i < d.Length; i++) d[i] = x[i] > threshold ? 1.0 : 0.0;
        }));
    }

    /// <summary>
    /// Each value p in [0, 1] becomes 1 with probability p: entry (r, j) is 1 when uniform number r C + j of
    /// <paramref name="key"/> is below p (C the columns), so the same key binarises the same data to the same bits.
    /// </summary>
    /// <returns>The 0/1 matrix, or <see cref="DatasetErrors.NotProbability"/> naming the first values outside [0, 1] (at most ten).</returns>
    public static Fin<Mat> Stochastic(RngKey key, Mat data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var errors = new List<LanguageExt.Common.Error>();
        var x = data.Span;
        for (var i = 0; i < x.Length && errors.Count < 10; i++)
            if (!(x[i] >= 0.0 && x[i] <= 1.0)) errors.Add(DatasetErrors.NotProbability(i / data.Columns + 1, i % data.Columns + 1, x[i]));
        if (errors.Count > 0) return FinFail<Mat>(LanguageExt.Common.Error.Many(errors.ToSeq()));
        return FinSucc(Mat.Create(data.Rows, data.Columns, d => key.Bernoulli(data.Span, d)));
    }
}
