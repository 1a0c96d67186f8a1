using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// Expectations under p(s) ∝ exp(l(s)) over every binary vector s of one layer, summed in chunks of states with a
/// running log-sum-exp shift, so no weight overflows and the model's moments cost one pass.
/// </summary>
/// <remarks>
/// Chunk t holds the states t m .. t m + m - 1, state k's unit j being bit j of k, as rows of a matrix: the
/// caller's products over a chunk are matrix products. When a chunk's largest log weight exceeds the running shift,
/// the sums so far are rescaled by exp(old shift - new shift). The order is fixed, so the result is bit-identical run
/// to run.
/// </remarks>
internal static class LayerEnumeration
{
    /// <summary>States per chunk: large enough for efficient products, small enough to stay in cache.</summary>
    private const int ChunkStates = 1024;

    /// <summary>What one chunk contributes: the log weights of its states and how to add their weighted terms.</summary>
    /// <param name="LogWeights">l(s) of each state of the chunk.</param>
    /// <param name="Accumulate">Adds sum_k weight_k term(s_k) into the sums, given the chunk's weights exp(l - shift).</param>
    public sealed record Chunk(double[] LogWeights, Action<double[], double[]> Accumulate);

    /// <summary>
    /// log sum_s exp(l(s)) and the expectations sum_s p(s) term(s), for the terms <paramref name="chunk"/> adds into
    /// a vector of <paramref name="sumsLength"/> numbers.
    /// </summary>
    public static (double LogTotal, double[] Means) Run(int units, int sumsLength, Func<Mat, Chunk> chunk)
    {
        var states = 1L << units;
        var perChunk = (int)Math.Min(states, ChunkStates);
        var sums = new double[sumsLength];
        var shift = double.NegativeInfinity;
        var total = 0.0;
        for (long first = 0; first < states; first += perChunk)
        {
            var part = chunk(States(first, perChunk, units));
            var largest = part.LogWeights.Max();
            if (largest > shift)
            {
                var rescale = double.IsNegativeInfinity(shift) ? 0.0 : Math.Exp(shift - largest);
                for (var k = 0; k < sums.Length; k++) sums[k] *= rescale;
                total *= rescale;
                shift = largest;
            }

            var weights = new double[perChunk];
            for (var k = 0; k < perChunk; k++)
            {
                weights[k] = Math.Exp(part.LogWeights[k] - shift);
                total += weights[k];
            }

            part.Accumulate(weights, sums);
        }

        for (var k = 0; k < sums.Length; k++) sums[k] /= total;
        return (shift + Math.Log(total), sums);
    }

    /// <summary>States first .. first + count - 1 as rows, unit j of state k being bit j of k.</summary>
    private static Mat States(long first, int count, int units) => Mat.Create(count, units, d =>
    {
        for (var k = 0; k < count; k++)
        {
            var state = first + k;
            for (var j = 0; j < units; j++) d[k * units + j] = (state >> j) & 1;
        }
    });
}
