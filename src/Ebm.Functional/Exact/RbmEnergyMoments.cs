namespace Ebm.Functional.Exact;

/// <summary>
/// The total log weight of a set of enumerated states and the mean and variance of the energy under
/// the weights, in a form that merges exactly and without overflow.
/// </summary>
/// <remarks>
/// Merging two parts with normalised weights f_a = W_a / W and f_b = W_b / W (Chan, Golub and LeVeque 1979,
/// "Updating formulae and a pairwise algorithm for computing sample variances"):
/// mean = f_a mean_a + f_b mean_b, variance = f_a var_a + f_b var_b + f_a f_b (mean_b - mean_a)^2.
/// Parts merged in a fixed order give the same bits whatever thread produced each part.
/// </remarks>
/// <param name="LogWeight">log of the summed weights (log Z of the part).</param>
/// <param name="Mean">Weighted mean energy.</param>
/// <param name="Variance">Weighted energy variance (within-state plus between-state).</param>
internal readonly record struct RbmEnergyMoments(double LogWeight, double Mean, double Variance)
{
    /// <summary>No states: weight zero.</summary>
    public static RbmEnergyMoments Empty { get; } = new(double.NegativeInfinity, 0.0, 0.0);

    /// <summary>The moments of the union of this part and <paramref name="other"/>.</summary>
    public RbmEnergyMoments Merge(RbmEnergyMoments other)
    {
        if (double.IsNegativeInfinity(other.LogWeight)) return this;
        if (double.IsNegativeInfinity(LogWeight)) return other;
        var top = Math.Max(LogWeight, other.LogWeight);
        var logWeight = top + Math.Log(Math.Exp(LogWeight - top) + Math.Exp(other.LogWeight - top));
        var fractionThis = Math.Exp(LogWeight - logWeight);
        var fractionOther = Math.Exp(other.LogWeight - logWeight);
        var delta = other.Mean - Mean;
        return new RbmEnergyMoments(
            logWeight,
            fractionThis * Mean + fractionOther * other.Mean,
            fractionThis * Variance + fractionOther * other.Variance + fractionThis * fractionOther * delta * delta);
    }
}
