using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimation;

/// <summary>
/// The Pareto k̂ diagnostic of importance weights (Vehtari, Simpson, Gelman, Yao and Gabry 2024, "Pareto smoothed
/// importance sampling", JMLR 25(72)): the shape of a generalized Pareto distribution fitted to the largest weights.
/// It says how many moments the weight distribution has (about 1 / k̂), and so whether a plain mean of the weights
/// (and its standard error) can be trusted.
/// </summary>
/// <remarks>
/// <para>Steps, as in the paper and its reference implementation (the R package posterior): of S weights
/// w = exp(log w - max log w), the M = floor(min(S / 5, 3 sqrt(S))) largest (at least <see cref="MinimumTail"/>) form
/// the tail; the exceedances x = w - u over the largest weight u below the tail are fitted by the empirical Bayes
/// estimator of Zhang and Stephens (2009, "A new and efficient estimation method for the generalized Pareto
/// distribution", Technometrics 51): a grid of 30 + floor(sqrt(M)) values theta_j = 1 / x_(M) + (1 - sqrt(G / (j - 1/2))) / (3 x*),
/// x* the first quartile of the exceedances, weighted by the profile likelihood
/// l(theta) = M (log(-theta / k(theta)) - k(theta) - 1) with k(theta) = mean log(1 - theta x); then
/// k̂ = mean log(1 - theta̅ x) and sigma = -k̂ / theta̅. Finally the weakly informative prior centred on 0.5 (weight
/// of 10 observations) gives k̂ = (M k̂ + 5) / (M + 10). The sign is the usual one: k̂ &gt; 0 for a heavy tail.</para>
/// <para>Reading: k̂ &lt; <see cref="Threshold"/>(S) = min(1 - 1 / log10 S, 0.7) is reliable; above it the sample is too
/// small for its tail, and above <see cref="Unreliable"/> = 0.7 the estimate is unreliable at any practical size
/// (bias dominates). k̂ &gt;= 1 means the weights' mean does not exist in practice.</para>
/// <para>Worked number: the 20 weights 1, 2, ..., 20 have a tail of the M = 4 → 5 largest (16 to 20) with cutoff 15,
/// exceedances 1..5, a light (bounded) tail: k̂ = 0.1265 (the raw -0.620 pulled towards 0.5 by the prior).</para>
/// <para>Not estimable (NaN): fewer than <see cref="MinimumTail"/> + 1 weights, every tail weight equal (no tail to fit:
/// bounded weights), or a tail whose first quartile ties with the largest weight below it (far from a generalized Pareto
/// shape, as when one weight carries everything and the rest are equal). NaN and +infinity log weights count as weight zero, as in <see cref="WeightSummary"/>.</para>
/// </remarks>
public static class ParetoK
{
    /// <summary>Above this k̂ an importance-sampling estimate is unreliable whatever the sample size.</summary>
    public const double Unreliable = 0.7;

    /// <summary>The fewest tail draws a fit uses (shorter tails are lengthened to this).</summary>
    public const int MinimumTail = 5;

    /// <summary>Grid points of the Zhang and Stephens estimator beyond floor(sqrt(M)).</summary>
    private const int GridBase = 30;

    /// <summary>Weight and centre of the weakly informative prior on k (Vehtari et al. 2024).</summary>
    private const double PriorWeight = 10.0, PriorCentre = 0.5;

    /// <summary>M = floor(min(S / 5, 3 sqrt(S))), at least <see cref="MinimumTail"/>: the number of largest weights fitted.</summary>
    public static int TailLength(int draws) => Math.Max(MinimumTail, (int)Math.Floor(Math.Min(draws / 5.0, 3.0 * Math.Sqrt(draws))));

    /// <summary>The sample-size-dependent threshold min(1 - 1 / log10 S, 0.7) (Vehtari et al. 2024, eq. 13); NaN for S &lt; 2.</summary>
    public static double Threshold(int draws) => draws < 2 ? double.NaN : Math.Min(1.0 - 1.0 / Math.Log10(draws), Unreliable);

    /// <summary>k̂ of the weights given in log space; NaN when it cannot be estimated (see the remarks).</summary>
    public static double OfLogWeights(ReadOnlySpan<double> logWeights)
    {
        var sorted = SortedAsWeights(logWeights);
        return OfSortedLogWeights(sorted);
    }

    /// <summary>
    /// A sorted copy of <paramref name="logWeights"/> in which NaN and +infinity are -infinity (weight zero), the order
    /// <see cref="OfSortedLogWeights"/> takes.
    /// </summary>
    internal static double[] SortedAsWeights(ReadOnlySpan<double> logWeights)
    {
        var sorted = new double[logWeights.Length];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = double.IsNaN(logWeights[i]) || double.IsPositiveInfinity(logWeights[i]) ? double.NegativeInfinity : logWeights[i];
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary><see cref="OfLogWeights"/> of log weights already in the order of <see cref="SortedAsWeights"/>.</summary>
    internal static double OfSortedLogWeights(ReadOnlySpan<double> sorted)
    {
        var s = sorted.Length;
        var tail = TailLength(s);
        if (tail >= s) return double.NaN;
        var max = sorted[^1];
        if (double.IsNegativeInfinity(max) || sorted[s - tail] == max) return double.NaN;
        var cutoff = Math.Exp(sorted[s - tail - 1] - max);
        var exceedances = new double[tail];
        for (var i = 0; i < tail; i++) exceedances[i] = Math.Exp(sorted[s - tail + i] - max) - cutoff;
        return FitGeneralizedPareto(exceedances).Shape;
    }

    /// <summary>
    /// The Zhang and Stephens (2009) estimate of a generalized Pareto distribution with location 0 from exceedances
    /// sorted in increasing order, with the weakly informative prior on the shape. NaN for fewer than two values or
    /// when the first quartile x* is 0 (a quarter of the tail tied with the cutoff: no shape to fit, and theta would divide by 0).
    /// </summary>
    /// <param name="sortedExceedances">Non-negative values in increasing order, the largest positive.</param>
    /// <returns>The shape k̂ (positive for heavy tails) and the scale sigma.</returns>
    public static (double Shape, double Scale) FitGeneralizedPareto(ReadOnlySpan<double> sortedExceedances)
    {
        var n = sortedExceedances.Length;
        if (n < 2) return (double.NaN, double.NaN);
        var x = sortedExceedances;
        var quartile = x[(int)Math.Floor(n / 4.0 + 0.5) - 1];
        if (!(quartile > 0) || !(x[^1] > 0)) return (double.NaN, double.NaN);
        var grid = GridBase + (int)Math.Floor(Math.Sqrt(n));
        var theta = new double[grid];
        var profile = new double[grid];
        for (var j = 0; j < grid; j++)
        {
            theta[j] = 1.0 / x[^1] + (1.0 - Math.Sqrt(grid / (j + 0.5))) / 3.0 / quartile;
            var k = MeanLog1p(-theta[j], x);
            var value = n * (Math.Log(-theta[j] / k) - k - 1.0);
            profile[j] = double.IsNaN(value) ? double.NegativeInfinity : value;
        }

        var logNormaliser = LogSpace.LogSumExp(profile);
        var thetaHat = 0.0;
        for (var j = 0; j < grid; j++) thetaHat += theta[j] * Math.Exp(profile[j] - logNormaliser);
        var shape = MeanLog1p(-thetaHat, x);
        var scale = -shape / thetaHat;
        shape = (shape * n + PriorCentre * PriorWeight) / (n + PriorWeight);
        return double.IsNaN(shape) ? (double.PositiveInfinity, double.NaN) : (shape, scale);
    }

    private static double MeanLog1p(double a, ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += LogSpace.Log1p(a * v);
        return sum / x.Length;
    }
}
