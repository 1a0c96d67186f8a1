using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// A normalised distribution on R^d that can be sampled and whose log density is known: the noise of noise-contrastive
/// estimation and the start distribution of Langevin negative phases.
/// </summary>
/// <param name="Name">What it is, for messages ("gaussian fitted to the data", "uniform box").</param>
/// <param name="Dimension">d.</param>
/// <param name="LogDensity">The normalised log density of each row (n x d to n).</param>
/// <param name="Sample">(key, count) to count draws as rows, row r and coordinate i from draw r d + i of the key.</param>
public sealed record NoiseDistribution(string Name, int Dimension, Func<Mat, Vec> LogDensity, Func<RngKey, int, Mat> Sample)
{
    /// <summary>
    /// N(mean, covariance): x = mean + C z with C the lower Cholesky factor of the covariance and z standard normal;
    /// log q(x) = -1/2 |C^-1 (x - mean)|^2 - (d/2) log 2 pi - sum_i log C_ii. Fails when the covariance is not symmetric
    /// positive definite or a value is not finite.
    /// </summary>
    public static Fin<NoiseDistribution> Gaussian(Vec mean, Mat covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        const string name = "gaussian noise";
        var d = mean.Length;
        if (d < 1 || covariance.Rows != d || covariance.Columns != d)
            return FinFail<NoiseDistribution>(ContinuousTrainingErrors.InvalidSetting(name, $"the covariance is {covariance.Rows} x {covariance.Columns}, expected {d} x {d}"));
        if (!IsFinite(mean.Span) || !IsFinite(covariance.Span) || GaussianModel.Cholesky(covariance) is not { } factor)
            return FinFail<NoiseDistribution>(ContinuousTrainingErrors.DegenerateData(name, "the covariance is not a finite symmetric positive-definite matrix"));
        var logNormaliser = 0.5 * d * Math.Log(2 * Math.PI);
        for (var i = 0; i < d; i++) logNormaliser += Math.Log(factor[i, i]);
        return FinSucc(new NoiseDistribution(
            "gaussian",
            d,
            x => GaussianLogDensity(mean, factor, logNormaliser, x),
            (key, count) => Mat.Create(count, d, s =>
            {
                key.Normal(s);
                var row = new double[d];
                for (var r = 0; r < count; r++)
                {
                    var draw = s.Slice(r * d, d);
                    draw.CopyTo(row);
                    for (var i = 0; i < d; i++)
                    {
                        var sum = mean[i];
                        for (var k = 0; k <= i; k++) sum += factor[i, k] * row[k];
                        draw[i] = sum;
                    }
                }
            })));
    }

    /// <summary>
    /// The Gaussian with the data's sample mean and covariance (divisor n): the default noise of noise-contrastive
    /// estimation, close enough to the data that the classification problem stays informative (Gutmann &amp; Hyvärinen
    /// 2012, section 2.4). Fails when the data has fewer than two rows or a singular covariance.
    /// </summary>
    /// <param name="data">Examples as rows.</param>
    public static Fin<NoiseDistribution> FitGaussian(Mat data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows < 2)
            return FinFail<NoiseDistribution>(ContinuousTrainingErrors.DegenerateData("the gaussian fitted to the data", $"needs at least 2 examples, got {data.Rows}"));
        var (mean, covariance) = GaussianTraining.Moments(data);
        return Gaussian(Vec.Wrap(mean), Mat.Wrap(data.Columns, data.Columns, covariance)).Match(
            Succ: FinSucc,
            Fail: _ => FinFail<NoiseDistribution>(ContinuousTrainingErrors.DegenerateData(
                "the gaussian fitted to the data", "the sample covariance is singular (a coordinate is constant or one is a combination of others)")));
    }

    /// <summary>
    /// The uniform distribution on the box [lower, upper] (log density -sum_i log(upper_i - lower_i) inside, -infinity
    /// outside): the fresh starts of short-run Langevin chains (Nijkamp et al. 2019 start from uniform noise).
    /// </summary>
    public static Fin<NoiseDistribution> UniformBox(Vec lower, Vec upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        const string name = "uniform box";
        if (lower.Length < 1 || lower.Length != upper.Length)
            return FinFail<NoiseDistribution>(ContinuousTrainingErrors.InvalidSetting(name, $"lower has {lower.Length} coordinates and upper {upper.Length}, expected the same positive number"));
        var d = lower.Length;
        var logVolume = 0.0;
        for (var i = 0; i < d; i++)
        {
            if (!(double.IsFinite(lower[i]) && double.IsFinite(upper[i]) && upper[i] > lower[i]))
                return FinFail<NoiseDistribution>(ContinuousTrainingErrors.InvalidSetting(name, $"coordinate {i + 1} is [{lower[i]}, {upper[i]}], expected finite bounds with lower < upper"));
            logVolume += Math.Log(upper[i] - lower[i]);
        }

        return FinSucc(new NoiseDistribution(
            "uniform",
            d,
            x => Vec.Create(x.Rows, l =>
            {
                for (var r = 0; r < x.Rows; r++)
                {
                    var inside = true;
                    for (var i = 0; i < d; i++) inside &= x[r, i] >= lower[i] && x[r, i] <= upper[i];
                    l[r] = inside ? -logVolume : double.NegativeInfinity;
                }
            }),
            (key, count) => Mat.Create(count, d, s =>
            {
                key.Uniform(s);
                for (var j = 0; j < s.Length; j++) s[j] = lower[j % d] + (upper[j % d] - lower[j % d]) * s[j];
            })));
    }

    /// <summary>
    /// The data's bounding box widened by <paramref name="margin"/> times its width on each side, as a
    /// <see cref="UniformBox"/>. Fails when a coordinate is constant.
    /// </summary>
    public static Fin<NoiseDistribution> FitBox(Mat data, double margin = 0.1)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows < 1) return FinFail<NoiseDistribution>(TrainingErrors.EmptyBatch("the box fitted to the data"));
        if (!(margin >= 0 && double.IsFinite(margin)))
            return FinFail<NoiseDistribution>(ContinuousTrainingErrors.InvalidSetting("the box fitted to the data", $"margin {margin}: expected a finite number at least 0"));
        var d = data.Columns;
        var lower = new double[d];
        var upper = new double[d];
        System.Array.Fill(lower, double.PositiveInfinity);
        System.Array.Fill(upper, double.NegativeInfinity);
        for (var r = 0; r < data.Rows; r++)
        for (var i = 0; i < d; i++)
        {
            lower[i] = Math.Min(lower[i], data[r, i]);
            upper[i] = Math.Max(upper[i], data[r, i]);
        }

        for (var i = 0; i < d; i++)
        {
            var width = upper[i] - lower[i];
            lower[i] -= margin * width;
            upper[i] += margin * width;
        }

        return UniformBox(Vec.Wrap(lower), Vec.Wrap(upper));
    }

    private static Vec GaussianLogDensity(Vec mean, Mat factor, double logNormaliser, Mat x)
    {
        var d = mean.Length;
        var z = new double[d];
        return Vec.Create(x.Rows, l =>
        {
            for (var r = 0; r < x.Rows; r++)
            {
                // Forward substitution C z = x - mean, so |z|^2 is the Mahalanobis distance.
                var square = 0.0;
                for (var i = 0; i < d; i++)
                {
                    var s = x[r, i] - mean[i];
                    for (var k = 0; k < i; k++) s -= factor[i, k] * z[k];
                    z[i] = s / factor[i, i];
                    square += z[i] * z[i];
                }

                l[r] = -0.5 * square - logNormaliser;
            }
        });
    }

    private static bool IsFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
            if (!double.IsFinite(value)) return false;
        return true;
    }
}
