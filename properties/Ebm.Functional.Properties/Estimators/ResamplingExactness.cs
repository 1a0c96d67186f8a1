using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// The exact distribution of a resampling scheme's ancestors, by integrating the implementation over its
/// uniforms: ancestor j is a step function of uniform j (of uniform 0 for systematic) whose jumps lie among the
/// cumulative weights C_i, the points N C_i - m (m integer) and, for residual, the cumulative residual weights;
/// evaluating it at the midpoint of every piece between those cuts and weighting by the piece's length is exact.
/// </summary>
public static class ResamplingExactness
{
    /// <summary>P[j, i] = probability that ancestor j is particle i.</summary>
    public static double[,] Marginals(ResamplingScheme scheme, double[] weights, int count)
    {
        var marginals = new double[count, weights.Length];
        var pieces = Pieces(weights, count);
        for (var j = 0; j < count; j++)
        {
            foreach (var (low, high) in pieces)
            {
                var uniforms = Enumerable.Repeat(0.5, count).ToArray();
                uniforms[scheme == ResamplingScheme.Systematic ? 0 : j] = 0.5 * (low + high);
                marginals[j, Resampling.FromUniforms(scheme, weights, uniforms)[j]] += high - low;
            }
        }

        return marginals;
    }

    /// <summary>Every ancestor vector with its probability (coordinates independent except for systematic, which shares one uniform).</summary>
    public static List<(int[] Ancestors, double Probability)> Outcomes(ResamplingScheme scheme, double[] weights, int count)
    {
        if (scheme == ResamplingScheme.Systematic)
        {
            return Pieces(weights, count)
                .Select(piece =>
                {
                    var uniforms = Enumerable.Repeat(0.5 * (piece.Low + piece.High), count).ToArray();
                    return (Resampling.FromUniforms(scheme, weights, uniforms), piece.High - piece.Low);
                })
                .ToList();
        }

        var marginals = Marginals(scheme, weights, count);
        var outcomes = new List<(int[] Ancestors, double Probability)> { ([], 1.0) };
        for (var j = 0; j < count; j++)
        {
            var next = new List<(int[] Ancestors, double Probability)>();
            foreach (var (ancestors, probability) in outcomes)
            {
                for (var i = 0; i < weights.Length; i++)
                    if (marginals[j, i] > 0) next.Add(([.. ancestors, i], probability * marginals[j, i]));
            }

            outcomes = next;
        }

        return outcomes;
    }

    private static List<(double Low, double High)> Pieces(double[] weights, int count)
    {
        var total = weights.Sum();
        var cuts = new List<double> { 0.0, 1.0 };
        var running = 0.0;
        // N W_i formed as the implementation forms it, N (w_i / total): with N w_i / total instead, an N W_i that is an
        // integer in exact arithmetic can round to the other side of it, and the residual cuts land in the wrong places.
        var residual = weights.Select(w => count * (w / total)).Select(e => Math.Max(0.0, e - Math.Floor(e))).ToArray();
        var residualTotal = residual.Sum();
        var residualRunning = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cuts.Add(running);
            for (var m = 0; m <= count; m++) cuts.Add(count * running - m);
            if (residualTotal > 0)
            {
                residualRunning += residual[i] / residualTotal;
                cuts.Add(residualRunning);
            }
        }

        var sorted = cuts.Where(c => c >= 0 && c <= 1).Distinct().Order().ToArray();
        return Enumerable.Range(0, sorted.Length - 1)
            .Select(k => (sorted[k], sorted[k + 1]))
            .Where(p => p.Item2 > p.Item1)
            .ToList();
    }
}
