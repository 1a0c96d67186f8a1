using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>The even and odd swap sweeps of parallel tempering, over every chain at once.</summary>
internal static class ReplicaSwaps
{
    /// <summary>
    /// min(1, exp((beta_low - beta_high)(E_low - E_high))): the Metropolis probability of exchanging the
    /// configurations of two rungs; NaN when the exponent is NaN. The exponent is bounded above by 0 where
    /// exp is taken, so it never overflows.
    /// </summary>
    public static double SwapProbability(double betaLow, double betaHigh, double energyLow, double energyHigh)
    {
        var exponent = (betaLow - betaHigh) * (energyLow - energyHigh);
        if (double.IsNaN(exponent)) return double.NaN;
        return exponent >= 0.0 ? 1.0 : Math.Exp(exponent);
    }

    /// <summary>
    /// Pairs (0,1), (2,3), ... then (1,2), (3,4), ...; chain c draws uniform r from key.FoldIn(c) for pair (r, r+1).
    /// Decides from the energies alone (<paramref name="energiesByRung"/>[r] holds the C energies of rung r) and
    /// returns where each configuration moved.
    /// </summary>
    public static SwapOutcome Sweep(RngKey key, double[] betas, Vec[] energiesByRung, ReplicaTracking replicas, int maxDegreeOfParallelism)
    {
        var rungCount = betas.Length;
        var pairs = rungCount - 1;
        var chainCount = energiesByRung[0].Length;
        var energies = energiesByRung.Select(e => e.ToArray()).ToArray();
        var source = Enumerable.Range(0, rungCount).Select(r => Enumerable.Repeat(r, chainCount).ToArray()).ToArray();
        var labels = replicas.Labels.ToArray();
        var progress = replicas.Progress.ToArray();
        var roundTrips = replicas.RoundTrips.ToArray();
        var probabilities = new double[chainCount * pairs];
        var accepted = new double[chainCount * pairs];
        var rates = new double[chainCount];
        var nans = new int[chainCount];
        Batch.ForEachRow(maxDegreeOfParallelism, chainCount, c =>
        {
            var chainKey = key.FoldIn(c);
            var rateSum = 0.0;
            for (var parity = 0; parity < 2; parity++)
            {
                for (var r = parity; r < pairs; r += 2)
                {
                    var p = SwapProbability(betas[r], betas[r + 1], energies[r][c], energies[r + 1][c]);
                    if (double.IsNaN(p))
                    {
                        nans[c]++;
                        p = 0.0;
                    }

                    probabilities[c * pairs + r] = p;
                    rateSum += p;
                    if (!(chainKey.UniformAt(r) < p)) continue;
                    accepted[c * pairs + r] = 1.0;
                    (source[r][c], source[r + 1][c]) = (source[r + 1][c], source[r][c]);
                    (energies[r][c], energies[r + 1][c]) = (energies[r + 1][c], energies[r][c]);
                    (labels[c * rungCount + r], labels[c * rungCount + r + 1]) = (labels[c * rungCount + r + 1], labels[c * rungCount + r]);
                }

                UpdateProgress(new ReadOnlySpan<int>(labels, c * rungCount, rungCount), new Span<int>(progress, c * rungCount, rungCount), ref roundTrips[c]);
            }

            rates[c] = rateSum / pairs;
        });

        var tracking = new ReplicaTracking(rungCount, new Arr<int>(labels), new Arr<int>(progress), new Arr<int>(roundTrips));
        return new SwapOutcome(source, tracking, Vec.Wrap(rates), Mat.Wrap(chainCount, pairs, probabilities),
            Mat.Wrap(chainCount, pairs, accepted), nans.Sum());
    }

    // After a sweep: the replica at rung 0 completes a round trip if it was heading down, and heads up;
    // the replica at the top turns down if it came from rung 0.
    private static void UpdateProgress(ReadOnlySpan<int> labels, Span<int> progress, ref int roundTrips)
    {
        var bottom = labels[0];
        if (progress[bottom] == ReplicaTracking.HeadingDown) roundTrips++;
        progress[bottom] = ReplicaTracking.HeadingUp;
        var top = labels[^1];
        if (progress[top] == ReplicaTracking.HeadingUp) progress[top] = ReplicaTracking.HeadingDown;
    }
}
