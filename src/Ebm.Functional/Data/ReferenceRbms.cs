using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Data;

/// <summary>
/// The library's reference Bernoulli RBMs, built from splitmix64 streams (<see cref="SplitMix64"/>) so that
/// any language can rebuild them bit for bit: <see cref="Random"/> (784 x 500, small Gaussian weights) and
/// <see cref="Small"/> (784 x 20, whose log Z is known exactly by summing out 2^20 hidden states).
/// </summary>
/// <example><code>
/// var rbm = ReferenceRbms.Small();                       // exact log Z = 443.1495042944
/// var data = BlobImages.Generate();                      // 10,000 x 784 binary images
/// </code></example>
public static class ReferenceRbms
{
    /// <summary>The seed of the <see cref="Random"/> model's weights.</summary>
    public const ulong RandomSeed = 2;

    /// <summary>The seed of the <see cref="Small"/> model's parameters.</summary>
    public const ulong SmallSeed = 4;

    /// <summary>The standard deviation of the <see cref="Random"/> model's weights.</summary>
    public const double RandomWeightScale = 0.01;

    /// <summary>The exact log Z(1) of the 784 x 20 <see cref="Small"/> model (by enumerating its hidden states).</summary>
    public const double SmallLogPartition = 443.1495042944;

    /// <summary>
    /// W (visible x hidden, row-major) with W[i][j] = element i hidden + j of 0.01 z, z the Box-Muller normals
    /// of the seed-2 stream (<see cref="SplitMix64.Normals"/>); b = c = 0. 784 x 500 by default.
    /// </summary>
    public static BernoulliRbm Random(int visible = BlobImages.Pixels, int hidden = 500)
    {
        CheckSizes(visible, hidden);
        var weights = SplitMix64.Normals(RandomSeed, visible * hidden, RandomWeightScale);
        return Build(weights, new double[visible], new double[hidden]);
    }

    /// <summary>
    /// The seed-4 stream read in order as W[i][j] = 0.5 (2u - 1) (visible x hidden, row-major), then
    /// b[i] = 2 (2u - 1) - 1, then c[j] = 2u - 1. 784 x 20 by default (log Z = <see cref="SmallLogPartition"/>).
    /// </summary>
    public static BernoulliRbm Small(int visible = BlobImages.Pixels, int hidden = 20)
    {
        var (weights, visibleBias, hiddenBias) = SmallParameters(visible, hidden);
        return Build(weights, visibleBias, hiddenBias);
    }

    /// <summary>The raw parameters of <see cref="Small"/>: W (row-major), b, c.</summary>
    public static (double[] Weights, double[] VisibleBias, double[] HiddenBias) SmallParameters(int visible = BlobImages.Pixels, int hidden = 20)
    {
        CheckSizes(visible, hidden);
        var (weights, visibleBias, hiddenBias) = (new double[visible * hidden], new double[visible], new double[hidden]);
        long draw = 0;
        for (var k = 0; k < weights.Length; k++) weights[k] = 0.5 * (2.0 * SplitMix64.Uniform(SmallSeed, draw++) - 1.0);
        for (var i = 0; i < visible; i++) visibleBias[i] = 2.0 * (2.0 * SplitMix64.Uniform(SmallSeed, draw++) - 1.0) - 1.0;
        for (var j = 0; j < hidden; j++) hiddenBias[j] = 2.0 * SplitMix64.Uniform(SmallSeed, draw++) - 1.0;
        return (weights, visibleBias, hiddenBias);
    }

    private static BernoulliRbm Build(double[] weights, double[] visibleBias, double[] hiddenBias) =>
        BernoulliRbm.Create(Mat.Wrap(visibleBias.Length, hiddenBias.Length, weights), Vec.Wrap(visibleBias), Vec.Wrap(hiddenBias))
            .Match(model => model, errors => throw new InvalidOperationException($"reference RBM: {string.Join("; ", errors)}"));

    private static void CheckSizes(int visible, int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visible, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
    }
}
