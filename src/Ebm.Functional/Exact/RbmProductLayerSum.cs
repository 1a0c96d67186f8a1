using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// The fast layer sum: the enumerated units split into high and low bits, a table of e^(beta y) for every
/// low state, Gray-code enumeration of the high states, and <see cref="RbmProductKernel"/> to turn the
/// sum of softplus terms into one logarithm of a product per state.
/// </summary>
/// <remarks>
/// With s = (s_high, s_low): a(s) = x(s_high) + y(s_low), x = p + K_high s_high, y = K_low s_low, and
/// sum_i softplus(beta a_i) = log prod_i (1 + e^(beta x_i) e^(beta y_i)). The low table (2^low rows) is
/// sized to stay in cache; the high states are enumerated in Gray-code order, x += ±K[:, j] per step, in a
/// fixed partition of blocks that each recompute their first x exactly, and e^(beta x) is refreshed from x
/// at every high state (so no exponential is ever updated multiplicatively). Valid while
/// T = beta max_i (|p_i| + sum_j |K_ij|) &lt;= <see cref="MaxActivation"/>; beyond that the caller uses
/// <see cref="RbmStableLayerSum"/>, which it also uses for the moments when beta^2 is not a normal number (the
/// product form's beta^2 Var(E | s) would lose its digits).
/// </remarks>
internal static class RbmProductLayerSum
{
    /// <summary>The largest bound T on |beta a| the product form accepts: e^T stays finite with room to spare.</summary>
    public const double MaxActivation = 700.0;

    private const long LowTableBytes = 1024 * 1024;
    private const int StrideMultiple = 8;
    private const double LogLargestDouble = 709.0;

    /// <summary>log Z(beta) and, with <paramref name="withMoments"/>, U, Var(E) and S (otherwise they are NaN).</summary>
    public static RbmEnergyMoments Run(RbmLayerSumProblem problem, double beta, bool withMoments, IProgress<double>? progress, int maxDegreeOfParallelism = -1)
    {
        if (Vector512.IsHardwareAccelerated)
            return withMoments
                ? Run<Vector512<double>, DoubleLanes512, RbmWithMoments>(problem, beta, progress, maxDegreeOfParallelism)
                : Run<Vector512<double>, DoubleLanes512, RbmLogPartitionOnly>(problem, beta, progress, maxDegreeOfParallelism);
        return withMoments
            ? Run<Vector<double>, DoublePortableLanes, RbmWithMoments>(problem, beta, progress, maxDegreeOfParallelism)
            : Run<Vector<double>, DoublePortableLanes, RbmLogPartitionOnly>(problem, beta, progress, maxDegreeOfParallelism);
    }

    /// <summary>The layer sum on one vector type, chosen explicitly (tests run the portable one on any hardware).</summary>
    internal static RbmEnergyMoments Run<TVector, TSimd, TMode>(RbmLayerSumProblem problem, double beta, IProgress<double>? progress, int maxDegreeOfParallelism = -1)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
        where TMode : struct, IRbmKernelMode
    {
        var layer = RbmPaddedLayer.From(problem, StrideMultiple);
        var lowBits = LowBits(problem.Enumerated, layer.Stride * sizeof(double) * (TMode.WithMoments ? 2 : 1));
        var low = RbmLowTable.Build<TVector, TSimd>(layer, beta, lowBits, TMode.WithMoments);
        var groupVectors = GroupVectors(problem.ActivationBound(beta));
        var highStates = 1L << (problem.Enumerated - lowBits);
        var perBlock = RbmBlockRunner.BlockLength(highStates, RbmProductKernel.TileStates);
        var blocks = (int)(highStates / perBlock);
        return RbmBlockRunner.Run(
            blocks,
            b => Block<TVector, TSimd, TMode>(layer, beta, low, groupVectors, b * perBlock, perBlock),
            progress,
            maxDegreeOfParallelism);
    }

    /// <summary>Low bits such that the table fits its budget, leaving at least two high bits (full tiles) where possible.</summary>
    private static int LowBits(int enumerated, long rowBytes)
    {
        var bits = 0;
        while (bits < enumerated - 2 && (rowBytes << (bits + 1)) <= LowTableBytes) bits++;
        return bits;
    }

    /// <summary>
    /// Factors per lane between renormalisations: a lane in [1, 2) times G factors of at most 1 + e^T stays
    /// below 2 e^(G (T + log 2)), finite while that exponent is under log(max double).
    /// </summary>
    private static int GroupVectors(double bound) =>
        (int)Math.Clamp(Math.Floor((LogLargestDouble - Math.Log(2.0)) / (bound + Math.Log(2.0))), 1, int.MaxValue / 2);

    /// <summary>The states (high t, every low row) for high Gray indices t in [start, start + count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RbmEnergyMoments Block<TVector, TSimd, TMode>(
        RbmPaddedLayer layer, double beta, RbmLowTable low, int groupVectors, long start, long count)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
        where TMode : struct, IRbmKernelMode
    {
        const int tile = RbmProductKernel.TileStates;
        var stride = layer.Stride;
        var lowBits = low.Bits;
        var high = layer.Bias.ToArray();
        var highEnergy = 0.0;
        var gray = RbmBlockRunner.Gray(start);
        for (var j = lowBits; j < layer.Enumerated; j++)
        {
            if (((gray >> (j - lowBits)) & 1) == 0) continue;
            RbmProductKernel.AddScaled<TVector, TSimd>(high, layer.Row(j), 1.0);
            highEnergy += layer.EnumeratedBias[j];
        }

        var tileExp = new double[tile * stride];
        var tileActivation = TMode.WithMoments ? new double[tile * stride] : [];
        var tileEnergy = new double[tile];
        var betaSquared = beta * beta;
        Span<double> logProduct = stackalloc double[tile];
        Span<double> meanTerm = stackalloc double[tile];
        Span<double> varianceTerm = stackalloc double[tile];
        var accumulator = new RbmMomentAccumulator();
        for (var first = start; first < start + count; first += tile)
        {
            var active = (int)Math.Min(tile, start + count - first);
            for (var slot = 0; slot < tile; slot++)
            {
                var t = first + Math.Min(slot, active - 1);
                if (slot < active && t > start)
                {
                    var j = RbmBlockRunner.GrayFlipBit(t);
                    var sign = ((RbmBlockRunner.Gray(t) >> j) & 1) == 1 ? 1.0 : -1.0;
                    RbmProductKernel.AddScaled<TVector, TSimd>(high, layer.Row(lowBits + j), sign);
                    highEnergy += sign * layer.EnumeratedBias[lowBits + j];
                }

                RbmProductKernel.ScaledExp<TVector, TSimd>(high, beta, tileExp.AsSpan(slot * stride, stride));
                if (TMode.WithMoments) high.CopyTo(tileActivation.AsSpan(slot * stride, stride));
                tileEnergy[slot] = highEnergy;
            }

            for (var row = 0; row < low.Rows; row++)
            {
                RbmProductKernel.Tile<TVector, TSimd, TMode>(
                    tileExp, tileActivation, low.ExpRow(row), low.ActivationRow(row), stride, groupVectors,
                    logProduct, meanTerm, varianceTerm);
                for (var slot = 0; slot < active; slot++)
                {
                    var energy = tileEnergy[slot] + low.EnumeratedEnergy[row];
                    // Given the state, the summed units' entropy is sum_i softplus(beta a_i) - beta a_i sigma(beta a_i):
                    // two sums each bounded by m (T + log 2), so their difference loses nothing that matters.
                    var mean = TMode.WithMoments ? -energy - meanTerm[slot] : double.NaN;
                    accumulator.Add(
                        beta * energy + logProduct[slot],
                        mean,
                        TMode.WithMoments ? varianceTerm[slot] : double.NaN,
                        TMode.WithMoments ? logProduct[slot] - beta * meanTerm[slot] : double.NaN,
                        beta * mean,
                        TMode.WithMoments ? betaSquared * varianceTerm[slot] : double.NaN);
                }
            }
        }

        return accumulator.Result();
    }
}
