using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// The straightforward layer sum: Gray-code enumeration of s with incremental pre-activations and a
/// stable softplus per summed unit. Exact for any weights; the reference the fast path is tested against
/// and the fallback when |beta a| may exceed what the product form allows.
/// </summary>
/// <remarks>
/// For each state s, with x_i = beta a_i: log w(s) = beta q^T s + sum_i softplus(x_i), &lt;E | s&gt; = -q^T s - sum_i a_i sigma(x_i),
/// Var(E | s) = sum_i (|a_i| sqrt(sigma(x_i) sigma(-x_i)))^2 (so a_i^2 may overflow where the product does not), and
/// the entropy of the summed units H(u | s) = sum_i [log(1 + e^-|x_i|) + |x_i| sigma(-|x_i|)], the binary entropy
/// softplus(x) - x sigma(x) written without cancellation. Gray code t XOR (t &gt;&gt; 1) changes one unit per step,
/// so a += ±K[:, j] costs m additions; each block recomputes its first state from scratch, and so does any state
/// whose running sums overflowed (activations near 1e308 added and taken away again).
/// </remarks>
internal static class RbmStableLayerSum
{
    /// <summary>log Z(beta), U, Var(E), S and Var(beta E) of the problem.</summary>
    public static RbmEnergyMoments Run(RbmLayerSumProblem problem, double beta, IProgress<double>? progress, int maxDegreeOfParallelism = -1)
    {
        var states = 1L << problem.Enumerated;
        var perBlock = RbmBlockRunner.BlockLength(states, 1);
        var blocks = (int)(states / perBlock);
        return RbmBlockRunner.Run(blocks, b => Block(problem, beta, b * perBlock, perBlock), progress, maxDegreeOfParallelism);
    }

    private static RbmEnergyMoments Block(RbmLayerSumProblem problem, double beta, long start, long count)
    {
        var activation = new double[problem.Summed];
        var enumeratedEnergy = FromScratch(problem, RbmBlockRunner.Gray(start), activation);
        var accumulator = new RbmMomentAccumulator();
        for (var t = start; t < start + count; t++)
        {
            if (t > start)
            {
                var j = RbmBlockRunner.GrayFlipBit(t);
                var sign = ((RbmBlockRunner.Gray(t) >> j) & 1) == 1 ? 1.0 : -1.0;
                Accumulate(activation, problem.CouplingRow(j), sign);
                enumeratedEnergy += sign * problem.EnumeratedBias[j];
            }

            if (!State(activation, beta, enumeratedEnergy, out var state))
            {
                enumeratedEnergy = FromScratch(problem, RbmBlockRunner.Gray(t), activation);
                State(activation, beta, enumeratedEnergy, out state);
            }

            accumulator.Add(state.LogWeight, state.Mean, state.Variance, state.Entropy, state.ScaledMean, state.ScaledVariance);
        }

        return accumulator.Result();
    }

    /// <summary>The terms of one state; false when a running sum is not finite (the caller recomputes it exactly).</summary>
    private static bool State(double[] activation, double beta, double enumeratedEnergy, out RbmEnergyMoments state)
    {
        double logWeight = beta * enumeratedEnergy, mean = -enumeratedEnergy, variance = 0.0, entropy = 0.0, scaledVariance = 0.0;
        var finite = double.IsFinite(enumeratedEnergy);
        foreach (var a in activation)
        {
            finite &= double.IsFinite(a);
            var x = beta * a;
            logWeight += LogSpace.Softplus(x);
            var on = LogSpace.Sigmoid(x);
            var off = LogSpace.Sigmoid(-x);
            mean -= a * on;
            var root = Math.Sqrt(on * off);
            var spread = Math.Abs(a) * root;
            var scaledSpread = Math.Abs(x) * root;
            variance += spread * spread;
            scaledVariance += scaledSpread * scaledSpread;
            entropy += BinaryEntropy(x, Math.Min(on, off));
        }

        state = new RbmEnergyMoments(logWeight, mean, variance, entropy, beta * mean, scaledVariance);
        return finite;
    }

    /// <summary>
    /// softplus(x) - x sigma(x), the entropy of a unit with p(on) = sigma(x), as softplus(-|x|) + |x| sigma(-|x|)
    /// (<paramref name="rarer"/> = sigma(-|x|), the smaller of sigma(x) and sigma(-x)).
    /// </summary>
    private static double BinaryEntropy(double x, double rarer)
    {
        var magnitude = Math.Abs(x);
        return rarer == 0.0 ? 0.0 : LogSpace.Softplus(-magnitude) + magnitude * rarer;
    }

    /// <summary>Sets the activations of Gray state <paramref name="gray"/> exactly and returns its q^T s.</summary>
    private static double FromScratch(RbmLayerSumProblem problem, long gray, double[] activation)
    {
        problem.SummedBias.CopyTo(activation, 0);
        var enumeratedEnergy = 0.0;
        for (var j = 0; j < problem.Enumerated; j++)
        {
            if (((gray >> j) & 1) == 0) continue;
            Accumulate(activation, problem.CouplingRow(j), 1.0);
            enumeratedEnergy += problem.EnumeratedBias[j];
        }

        return enumeratedEnergy;
    }

    private static void Accumulate(double[] activation, ReadOnlySpan<double> row, double sign)
    {
        for (var i = 0; i < activation.Length; i++) activation[i] += sign * row[i];
    }
}
