using System.Runtime.CompilerServices;

namespace Ebm.Functional.Exact;

/// <summary>
/// Accumulates states one at a time: log weight, conditional mean energy, conditional energy variance and
/// conditional entropy, giving <see cref="RbmEnergyMoments"/>. Mutable, and owned by one block of an enumeration.
/// </summary>
/// <remarks>
/// Weights are kept relative to the running maximum log weight a (rescaling the sums when it rises), so no
/// exponential overflows; a state whose relative weight underflows to 0 adds nothing, and when a rise sends
/// every weight held so far to 0 the sums restart. Mean and spread use the weighted updating of West (1979,
/// "Updating mean and variance estimates: an improved method"): W' = W + w, mean' = mean + (w / W') (m - mean),
/// S' = S + w (m - mean)(m - mean'), which never subtracts two large sums, so a variance far below the
/// squared mean keeps its relative accuracy (a spread that rounding leaves a hair below 0 is returned as 0). The variance adds the between-state part S / W to the weighted
/// mean of the within-state variances (law of total variance). The entropy is log W - &lt;l - a&gt; plus the weighted
/// mean of the within-state entropies: &lt;l - a&gt; averages numbers in (-746, 0], so nothing here cancels however
/// large beta E is. The mean and variance of beta E are kept beside those of E, by the same updates, for C where
/// Var(E) underflows. A log weight that is NaN or +infinity (an overflowed energy) poisons the result, which the
/// exact methods' final check turns into an error.
/// </remarks>
internal sealed class RbmMomentAccumulator
{
    private double _maxLogWeight = double.NegativeInfinity;
    private double _weight;
    private double _mean;
    private double _spread;
    private double _weightedVariance;
    private double _relativeLogWeightMean;
    private double _weightedEntropy;
    private double _scaledMean;
    private double _scaledSpread;
    private double _weightedScaledVariance;
    private bool _poisoned;

    /// <summary>
    /// Adds one state with weight exp(<paramref name="logWeight"/>), and energy mean, variance and entropy given that state
    /// (the entropy of the summed-out layer; 0 where nothing is summed out), with the mean and variance of beta E
    /// given the state formed directly (so they survive energies whose squares underflow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double logWeight, double mean, double variance, double entropy, double scaledMean, double scaledVariance)
    {
        if (logWeight > _maxLogWeight) Raise(logWeight);
        var w = Math.Exp(logWeight - _maxLogWeight);
        if (!(w > 0))
        {
            _poisoned |= double.IsNaN(logWeight) || double.IsNaN(w);
            return;
        }

        var updated = _weight + w;
        var fraction = w / updated;
        var delta = mean - _mean;
        _mean += delta * fraction;
        _spread += w * delta * (mean - _mean);
        _weightedVariance += w * variance;
        _relativeLogWeightMean += (logWeight - _maxLogWeight - _relativeLogWeightMean) * fraction;
        _weightedEntropy += w * entropy;
        var scaledDelta = scaledMean - _scaledMean;
        _scaledMean += scaledDelta * fraction;
        _scaledSpread += w * scaledDelta * (scaledMean - _scaledMean);
        _weightedScaledVariance += w * scaledVariance;
        _weight = updated;
    }

    /// <summary>The moments of every state added so far.</summary>
    public RbmEnergyMoments Result()
    {
        if (_poisoned || double.IsPositiveInfinity(_maxLogWeight)) return new RbmEnergyMoments(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        if (_weight == 0) return RbmEnergyMoments.Empty;
        var logWeight = Math.Log(_weight);
        return new RbmEnergyMoments(
            _maxLogWeight + logWeight,
            _mean,
            Math.Max(0.0, (_spread + _weightedVariance) / _weight),
            logWeight - _relativeLogWeightMean + _weightedEntropy / _weight,
            _scaledMean,
            Math.Max(0.0, (_scaledSpread + _weightedScaledVariance) / _weight));
    }

    private void Raise(double logWeight)
    {
        if (double.IsPositiveInfinity(logWeight)) _poisoned = true;
        var gap = logWeight - _maxLogWeight;
        var scale = Math.Exp(-gap);
        _maxLogWeight = logWeight;
        if (!(_weight * scale > 0))
        {
            _weight = _mean = _spread = _weightedVariance = _relativeLogWeightMean = _weightedEntropy = 0.0;
            _scaledMean = _scaledSpread = _weightedScaledVariance = 0.0;
            return;
        }

        _weight *= scale;
        _spread *= scale;
        _weightedVariance *= scale;
        _weightedEntropy *= scale;
        _scaledSpread *= scale;
        _weightedScaledVariance *= scale;
        _relativeLogWeightMean -= gap;
    }
}
