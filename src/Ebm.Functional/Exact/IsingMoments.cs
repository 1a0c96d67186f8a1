namespace Ebm.Functional.Exact;

/// <summary>
/// The total Boltzmann weight of a set of configurations with the weighted mean and (co)variance of
/// their energy E and magnetisation M, merged without cancellation.
/// </summary>
/// <remarks>
/// Merging two sets with weights w_a, w_b, p = w_a / (w_a + w_b) and q = 1 - p uses the pairwise update
/// of Chan, Golub and LeVeque (1979): mean = p mean_a + q mean_b and
/// var = p var_a + q var_b + p q (mean_a - mean_b)^2, a sum of non-negative terms. The variance of the
/// energy therefore keeps full relative precision even where it is exponentially small (low temperature),
/// which &lt;E^2&gt; - &lt;E&gt;^2 would not.
/// </remarks>
internal readonly record struct IsingMoments(
    double Weight,
    double MeanEnergy,
    double MeanMagnetisation,
    double EnergyVariance,
    double MagnetisationVariance,
    double Covariance)
{
    /// <summary>One configuration set of weight 1 with E = M = 0.</summary>
    public static IsingMoments Unit => new(1.0, 0.0, 0.0, 0.0, 0.0, 0.0);

    /// <summary>
    /// The union of set a, its weights multiplied by <paramref name="scaleA"/> and its energies shifted by
    /// <paramref name="shiftA"/>, with set b treated likewise.
    /// </summary>
    public static IsingMoments Merge(in IsingMoments a, double scaleA, double shiftA, in IsingMoments b, double scaleB, double shiftB)
    {
        var weightA = scaleA * a.Weight;
        var weightB = scaleB * b.Weight;
        var weight = weightA + weightB;
        if (weight == 0.0) return default;
        var inverse = 1.0 / weight;
        var p = weightA * inverse;
        var q = weightB * inverse;
        var energyA = a.MeanEnergy + shiftA;
        var energyB = b.MeanEnergy + shiftB;
        var energyGap = energyA - energyB;
        var magnetisationGap = a.MeanMagnetisation - b.MeanMagnetisation;
        var pq = p * q;
        return new IsingMoments(
            weight,
            p * energyA + q * energyB,
            p * a.MeanMagnetisation + q * b.MeanMagnetisation,
            p * a.EnergyVariance + q * b.EnergyVariance + pq * energyGap * energyGap,
            p * a.MagnetisationVariance + q * b.MagnetisationVariance + pq * magnetisationGap * magnetisationGap,
            p * a.Covariance + q * b.Covariance + pq * energyGap * magnetisationGap);
    }

    /// <summary>Every configuration extended by one more piece of weight factor f, energy e and magnetisation m.</summary>
    public IsingMoments Extend(double factor, double energy, double magnetisation) =>
        this with { Weight = factor * Weight, MeanEnergy = MeanEnergy + energy, MeanMagnetisation = MeanMagnetisation + magnetisation };

    /// <summary>The set with every spin reversed: same energies at zero field, M and Cov(E, M) negated.</summary>
    public IsingMoments SpinReversed() => this with { MeanMagnetisation = -MeanMagnetisation, Covariance = -Covariance };
}
