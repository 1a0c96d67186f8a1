namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// log Z, U, Var(E), S and C from a list of state energies, the plain way in log space: the largest log weight
/// m = max(-beta E) taken out, weights w = exp(-beta E - m) in (0, 1], then weighted sums. S is summed as
/// log W + sum p (m + beta E), every term non-negative; C as sum p (beta (E - U))^2. Null when some energy or
/// log weight is not finite, so there is nothing to compare with.
/// </summary>
/// <param name="LogZ">log Z.</param>
/// <param name="MeanEnergy">U.</param>
/// <param name="EnergyVariance">Var(E).</param>
/// <param name="Entropy">S.</param>
/// <param name="HeatCapacity">C.</param>
public sealed record ExactReference(double LogZ, double MeanEnergy, double EnergyVariance, double Entropy, double HeatCapacity)
{
    /// <summary>The reference thermodynamics of the states with <paramref name="energies"/> at <paramref name="beta"/>.</summary>
    public static ExactReference? Of(double[] energies, double beta)
    {
        if (!energies.All(double.IsFinite)) return null;
        var logWeights = energies.Select(e => beta == 0.0 ? 0.0 : -beta * e).ToArray();
        if (!logWeights.All(double.IsFinite)) return null;
        var top = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - top)).ToArray();
        var total = weights.Sum();
        double mean = 0, variance = 0, entropy = Math.Log(total), heat = 0;
        for (var x = 0; x < energies.Length; x++) mean += weights[x] / total * energies[x];
        for (var x = 0; x < energies.Length; x++)
        {
            if (weights[x] == 0.0) continue;
            var p = weights[x] / total;
            var deviation = energies[x] - mean;
            variance += p * deviation * deviation;
            entropy += p * (top - logWeights[x]);
            heat += p * (beta * deviation) * (beta * deviation);
        }

        return new ExactReference(top + Math.Log(total), mean, variance, entropy, heat);
    }
}
