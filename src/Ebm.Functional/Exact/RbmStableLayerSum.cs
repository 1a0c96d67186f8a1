using Ebm.Functional.Numerics;
using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>
/// The straightforward layer sum: Gray-code enumeration of s with incremental pre-activations and a
/// stable softplus per summed unit. Exact for any weights; the reference the fast path is tested against
/// and the fallback when |beta a| may exceed what the product form allows.
/// </summary>
/// <remarks>
/// For each state s: log w(s) = beta q^T s + sum_i softplus(beta a_i), &lt;E | s&gt; = -q^T s - sum_i a_i sigma(beta a_i),
/// Var(E | s) = sum_i a_i^2 sigma(beta a_i) sigma(-beta a_i). Gray code t XOR (t &gt;&gt; 1) changes one unit
/// per step, so a += ±K[:, j] costs m additions; each block recomputes its first state from scratch.
/// </remarks>
internal static class RbmStableLayerSum
{
    /// <summary>log Z(beta), U and Var(E) of the problem.</summary>
    public static RbmEnergyMoments Run(RbmLayerSumProblem problem, double beta, IProgress<double>? progress)
    {
        var states = 1L << problem.Enumerated;
        var perBlock = RbmBlockRunner.BlockLength(states, 1);
        var blocks = (int)(states / perBlock);
        return RbmBlockRunner.Run(blocks, b => Block(problem, beta, b * perBlock, perBlock), progress);
    }

    private static RbmEnergyMoments Block(RbmLayerSumProblem problem, double beta, long start, long count)
    {
        var m = problem.Summed;
        var activation = (double[])problem.SummedBias.Clone();
        var gray = RbmBlockRunner.Gray(start);
        var enumeratedEnergy = 0.0;
        for (var j = 0; j < problem.Enumerated; j++)
        {
            if (((gray >> j) & 1) == 0) continue;
            Accumulate(activation, problem.CouplingRow(j), 1.0);
            enumeratedEnergy += problem.EnumeratedBias[j];
        }

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

            double logWeight = beta * enumeratedEnergy, mean = -enumeratedEnergy, variance = 0.0;
            for (var i = 0; i < m; i++)
            {
                var a = activation[i];
                logWeight += LogSpace.Softplus(beta * a);
                var on = LogSpace.Sigmoid(beta * a);
                mean -= a * on;
                variance += a * a * on * LogSpace.Sigmoid(-beta * a);
            }

            accumulator.Add(logWeight, mean, variance);
        }

        return accumulator.Result();
    }

    private static void Accumulate(double[] activation, ReadOnlySpan<double> row, double sign)
    {
        for (var i = 0; i < activation.Length; i++) activation[i] += sign * row[i];
    }
}
