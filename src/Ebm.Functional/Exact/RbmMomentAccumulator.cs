using System.Runtime.CompilerServices;

namespace Ebm.Functional.Exact;

/// <summary>
/// Accumulates states one at a time: log weight, conditional mean energy and conditional energy variance,
/// giving <see cref="RbmEnergyMoments"/>. Mutable, and owned by one block of an enumeration.
/// </summary>
/// <remarks>
/// Weights are kept relative to the running maximum log weight (rescaling the sums when it rises), so no
/// exponential overflows. Mean and spread use the weighted updating of West (1979, "Updating mean and
/// variance estimates: an improved method"): W' = W + w, mean' = mean + (w / W') (m - mean),
/// S' = S + w (m - mean)(m - mean'), which never subtracts two large sums, so a variance far below the
/// squared mean keeps its relative accuracy. The variance adds the between-state part S / W to the weighted
/// mean of the within-state variances (law of total variance).
/// </remarks>
internal sealed class RbmMomentAccumulator
{
    private double _maxLogWeight = double.NegativeInfinity;
    private double _weight;
    private double _mean;
    private double _spread;
    private double _weightedVariance;

    /// <summary>Adds one state with weight exp(<paramref name="logWeight"/>) and energy mean and variance given that state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double logWeight, double mean, double variance)
    {
        if (logWeight > _maxLogWeight)
        {
            var scale = double.IsNegativeInfinity(_maxLogWeight) ? 0.0 : Math.Exp(_maxLogWeight - logWeight);
            _weight *= scale;
            _spread *= scale;
            _weightedVariance *= scale;
            _maxLogWeight = logWeight;
        }

        var w = Math.Exp(logWeight - _maxLogWeight);
        var updated = _weight + w;
        var delta = mean - _mean;
        _mean += delta * (w / updated);
        _spread += w * delta * (mean - _mean);
        _weightedVariance += w * variance;
        _weight = updated;
    }

    /// <summary>The moments of every state added so far.</summary>
    public RbmEnergyMoments Result() =>
        _weight == 0
            ? RbmEnergyMoments.Empty
            : new RbmEnergyMoments(_maxLogWeight + Math.Log(_weight), _mean, (_spread + _weightedVariance) / _weight);
}
