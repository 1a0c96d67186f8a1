namespace Ebm.Functional.Exact;

/// <summary>
/// The total log weight of a set of enumerated states, the mean and variance of the energy under
/// the weights, and the entropy of the normalised weights, in a form that merges exactly and without overflow.
/// </summary>
/// <remarks>
/// Merging two parts with normalised weights f_a = W_a / W and f_b = W_b / W (Chan, Golub and LeVeque 1979,
/// "Updating formulae and a pairwise algorithm for computing sample variances"):
/// mean = f_a mean_a + f_b mean_b, variance = f_a var_a + f_b var_b + f_a f_b (mean_b - mean_a)^2, and
/// (grouping property of the entropy) S = f_a S_a + f_b S_b - f_a log f_a - f_b log f_b, every term &gt;= 0; the
/// mean and variance of beta E merge like those of E (the variance of beta E is C, kept for energies so small
/// that Var(E) underflows).
/// A part whose share underflows to 0 is dropped, so a mean 1e308 away never meets a zero weight.
/// Parts merged in a fixed order give the same bits whatever thread produced each part.
/// </remarks>
/// <param name="LogWeight">log of the summed weights (log Z of the part).</param>
/// <param name="Mean">Weighted mean energy.</param>
/// <param name="Variance">Weighted energy variance (within-state plus between-state).</param>
/// <param name="Entropy">Entropy of the part's normalised distribution (between-state plus within-state).</param>
/// <param name="ScaledMean">Weighted mean of beta E.</param>
/// <param name="ScaledVariance">Weighted variance of beta E (within-state plus between-state).</param>
internal readonly record struct RbmEnergyMoments(double LogWeight, double Mean, double Variance, double Entropy, double ScaledMean, double ScaledVariance)
{
    /// <summary>No states: weight zero.</summary>
    public static RbmEnergyMoments Empty { get; } = new(double.NegativeInfinity, 0.0, 0.0, 0.0, 0.0, 0.0);

    /// <summary>The moments of the union of this part and <paramref name="other"/>.</summary>
    public RbmEnergyMoments Merge(RbmEnergyMoments other)
    {
        if (double.IsNegativeInfinity(other.LogWeight)) return this;
        if (double.IsNegativeInfinity(LogWeight)) return other;
        // The shares come from the weights relative to the larger part, never from LogWeight - log W: at
        // log W = 1e308 the log 2 of two equal parts is lost in rounding and both shares would come out as 1.
        var top = Math.Max(LogWeight, other.LogWeight);
        double relativeThis = Math.Exp(LogWeight - top), relativeOther = Math.Exp(other.LogWeight - top);
        var logTotal = Math.Log(relativeThis + relativeOther);
        var logWeight = top + logTotal;
        var logFractionThis = LogWeight - top - logTotal;
        var logFractionOther = other.LogWeight - top - logTotal;
        var fractionThis = relativeThis / (relativeThis + relativeOther);
        var fractionOther = relativeOther / (relativeThis + relativeOther);
        if (fractionOther == 0.0) return this with { LogWeight = logWeight };
        if (fractionThis == 0.0) return other with { LogWeight = logWeight };
        var delta = other.Mean - Mean;
        var scaledDelta = other.ScaledMean - ScaledMean;
        return new RbmEnergyMoments(
            logWeight,
            fractionThis * Mean + fractionOther * other.Mean,
            fractionThis * Variance + fractionOther * other.Variance + fractionThis * fractionOther * delta * delta,
            fractionThis * (Entropy - logFractionThis) + fractionOther * (other.Entropy - logFractionOther),
            fractionThis * ScaledMean + fractionOther * other.ScaledMean,
            fractionThis * ScaledVariance + fractionOther * other.ScaledVariance + fractionThis * fractionOther * scaledDelta * scaledDelta);
    }
}
