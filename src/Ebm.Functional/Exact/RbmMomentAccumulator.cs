using System.Runtime.CompilerServices;

namespace Ebm.Functional.Exact;

/// <summary>
/// Accumulates states one at a time: log weight, conditional mean energy and conditional energy variance,
/// giving <see cref="RbmEnergyMoments"/>. Mutable, and owned by one block of an enumeration.
/// </summary>
/// <remarks>
/// Weights are kept relative to the running maximum log weight (rescaling the sums when it rises), so no
/// exponential overflows. Energies are kept relative to the first state's (a shift K), so the variance
/// sum_w (m - K)^2 / W - (sum_w (m - K) / W)^2 loses little to cancellation. The variance adds the
/// between-state part to the weighted mean of the within-state variances (law of total variance).
/// </remarks>
internal sealed class RbmMomentAccumulator
{
    private double _maxLogWeight = double.NegativeInfinity;
    private double _shift = double.NaN;
    private double _weight;
    private double _weightedDeviation;
    private double _weightedSquaredDeviation;
    private double _weightedVariance;

    /// <summary>Adds one state with weight exp(<paramref name="logWeight"/>) and energy mean and variance given that state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double logWeight, double mean, double variance)
    {
        if (logWeight > _maxLogWeight)
        {
            var scale = double.IsNegativeInfinity(_maxLogWeight) ? 0.0 : Math.Exp(_maxLogWeight - logWeight);
            _weight *= scale;
            _weightedDeviation *= scale;
            _weightedSquaredDeviation *= scale;
            _weightedVariance *= scale;
            _maxLogWeight = logWeight;
        }

        if (double.IsNaN(_shift)) _shift = mean;
        var w = Math.Exp(logWeight - _maxLogWeight);
        var d = mean - _shift;
        _weight += w;
        _weightedDeviation += w * d;
        _weightedSquaredDeviation += w * d * d;
        _weightedVariance += w * variance;
    }

    /// <summary>The moments of every state added so far.</summary>
    public RbmEnergyMoments Result()
    {
        if (_weight == 0) return RbmEnergyMoments.Empty;
        var meanDeviation = _weightedDeviation / _weight;
        var between = Math.Max(0.0, _weightedSquaredDeviation / _weight - meanDeviation * meanDeviation);
        return new RbmEnergyMoments(_maxLogWeight + Math.Log(_weight), _shift + meanDeviation, between + _weightedVariance / _weight);
    }
}
