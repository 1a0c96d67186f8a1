using System.Diagnostics;
using System.Globalization;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Resampling as a pure function: ancestor indices from a key, normalised weights and a count
/// (Douc, Cappé and Moulines 2005, "Comparison of resampling schemes for particle filtering").
/// </summary>
/// <remarks>
/// Systematic and stratified run in O(N + M) by one merge of the sorted points with the cumulative weights;
/// multinomial and the residual remainder use a binary search per draw, O(N + M log N). Ancestor j depends on
/// uniform j only (on uniform 0 for systematic), which is what lets the laws integrate over the uniforms exactly.
/// </remarks>
public static class Resampling
{
    /// <summary>
    /// <paramref name="count"/> ancestor indices drawn from <paramref name="weights"/> by <paramref name="scheme"/>:
    /// the expected number of times index i appears is <paramref name="count"/> times the normalised weight i.
    /// </summary>
    /// <param name="key">The key; uniform j is <c>key.UniformAt(j)</c>.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="weights">Non-negative, finite weights with a positive sum (normalised here if they are not).</param>
    /// <param name="count">How many ancestors, at least 1.</param>
    /// <returns>
    /// The ancestors, or the first problem with the input (<see cref="SmcErrors.InvalidAncestorCount"/>,
    /// <see cref="SmcErrors.InvalidScheme"/>, <see cref="SmcErrors.InvalidResamplingWeights"/>).
    /// </returns>
    public static Fin<int[]> Ancestors(RngKey key, ResamplingScheme scheme, ReadOnlySpan<double> weights, int count)
    {
        var problem = Problem(scheme, weights, count);
        return problem is null ? FinSucc(UncheckedAncestors(key, scheme, weights, count)) : FinFail<int[]>(problem);
    }

    /// <summary>
    /// <see cref="Ancestors"/> without the checks, for the estimators' inner loop, whose count is the particle count
    /// and whose weights are normalised exponentials of finite log weights.
    /// </summary>
    internal static int[] UncheckedAncestors(RngKey key, ResamplingScheme scheme, ReadOnlySpan<double> weights, int count)
    {
        var uniforms = new double[count];
        key.Uniform(uniforms);
        return FromUniforms(scheme, weights, uniforms);
    }

    private static Error? Problem(ResamplingScheme scheme, ReadOnlySpan<double> weights, int count)
    {
        if (count < 1) return SmcErrors.InvalidAncestorCount(count);
        if (!Enum.IsDefined(scheme)) return SmcErrors.InvalidScheme((int)scheme);
        if (weights.Length == 0) return SmcErrors.InvalidResamplingWeights("there are none");
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0) || !double.IsFinite(weights[i]))
                return SmcErrors.InvalidResamplingWeights($"weight {i} is {weights[i].ToString("R", CultureInfo.InvariantCulture)}; each must be finite and non-negative");
            sum += weights[i];
        }

        return sum > 0 ? null : SmcErrors.InvalidResamplingWeights("they sum to zero");
    }

    /// <summary>
    /// The ancestors as a deterministic function of the uniforms in [0, 1): one per ancestor (systematic reads only
    /// the first). Exposed for the laws that integrate over the uniforms.
    /// </summary>
    /// <remarks>
    /// Unchecked: weights that <see cref="Ancestors"/> would refuse (NaN from a failed log density, say) give
    /// in-range but meaningless indices, never an exception; the estimate those weights feed is then not finite, and
    /// the estimate's own checks report it.
    /// </remarks>
    internal static int[] FromUniforms(ResamplingScheme scheme, ReadOnlySpan<double> weights, ReadOnlySpan<double> uniforms)
    {
        var normalised = Normalise(weights);
        var count = uniforms.Length;
        var ancestors = new int[count];
        switch (scheme)
        {
            case ResamplingScheme.Multinomial:
                Inverse(Cumulative(normalised), uniforms, ancestors);
                break;
            case ResamplingScheme.Systematic:
                var shift = uniforms[0];
                Ordered(normalised, j => (j + shift) / count, ancestors);
                break;
            case ResamplingScheme.Stratified:
                var strata = uniforms.ToArray();
                Ordered(normalised, j => (j + strata[j]) / count, ancestors);
                break;
            case ResamplingScheme.Residual:
                Residual(normalised, uniforms, ancestors);
                break;
            default:
                // Ancestors refuses undefined schemes and the options of every estimator validate theirs.
                throw new UnreachableException($"resampling scheme {scheme} is not defined");
        }

        return ancestors;
    }

    private static double[] Normalise(ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights) sum += w;
        var normalised = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) normalised[i] = weights[i] / sum;
        return normalised;
    }

    private static double[] Cumulative(double[] normalised)
    {
        var cumulative = new double[normalised.Length];
        var running = 0.0;
        for (var i = 0; i < normalised.Length; i++)
        {
            running += normalised[i];
            cumulative[i] = running;
        }

        // Round-off may leave the total a hair below 1; the last particle with positive weight takes the slack.
        // Weights with no positive entry (NaN) have no last particle; the whole table is then left as it is.
        var last = System.Array.FindLastIndex(normalised, w => w > 0);
        if (last < 0) return cumulative;
        for (var i = last; i < cumulative.Length; i++) cumulative[i] = 1.0;
        return cumulative;
    }

    private static void Inverse(double[] cumulative, ReadOnlySpan<double> uniforms, Span<int> destination)
    {
        for (var j = 0; j < uniforms.Length; j++)
        {
            // The first index whose cumulative weight exceeds u: zero-weight particles are never picked.
            int low = 0, high = cumulative.Length - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (uniforms[j] < cumulative[middle]) high = middle;
                else low = middle + 1;
            }

            destination[j] = low;
        }
    }

    private static void Ordered(double[] normalised, Func<int, double> point, Span<int> destination)
    {
        var cumulative = Cumulative(normalised);
        var i = 0;
        for (var j = 0; j < destination.Length; j++)
        {
            var u = point(j);
            while (i < cumulative.Length - 1 && u >= cumulative[i]) i++;
            destination[j] = i;
        }
    }

    private static void Residual(double[] normalised, ReadOnlySpan<double> uniforms, Span<int> destination)
    {
        var count = uniforms.Length;
        var residual = new double[normalised.Length];
        var filled = 0;
        for (var i = 0; i < normalised.Length; i++)
        {
            var expected = count * normalised[i];
            var copies = (int)Math.Floor(expected);
            for (var c = 0; c < copies && filled < count; c++) destination[filled++] = i;
            residual[i] = Math.Max(0.0, expected - copies);
        }

        if (filled == count) return;
        var residualSum = residual.Sum();
        if (!(residualSum > 0)) residual = (double[])normalised.Clone();
        Inverse(Cumulative(Normalise(residual)), uniforms[filled..], destination[filled..]);
    }
}
