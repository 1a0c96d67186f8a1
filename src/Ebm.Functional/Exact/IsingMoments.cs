namespace Ebm.Functional.Exact;

/// <summary>
/// The total Boltzmann weight of a set of configurations, Weight 2^Exponent, with the weighted mean and
/// (co)variance of their energy E and magnetisation M, merged without cancellation.
/// </summary>
/// <remarks>
/// Merging two sets with weights w_a, w_b, p = w_a / (w_a + w_b) and q = 1 - p uses the pairwise update
/// of Chan, Golub and LeVeque (1979): mean = p mean_a + q mean_b and
/// var = p var_a + q var_b + p q (mean_a - mean_b)^2, a sum of non-negative terms. The variance of the
/// energy therefore keeps full relative precision even where it is exponentially small (low temperature),
/// which &lt;E^2&gt; - &lt;E&gt;^2 would not. The weight carries its own binary exponent (Weight in [1, 2), or 0
/// for an empty set), so no weight underflows or overflows however far apart two sets are: a torus whose
/// periodic closure is frustrated keeps its diagonal even when it is e^-1000 times the largest entry.
/// </remarks>
internal readonly record struct IsingMoments(
    double Weight,
    int Exponent,
    double MeanEnergy,
    double MeanMagnetisation,
    double EnergyVariance,
    double MagnetisationVariance,
    double Covariance)
{
    /// <summary>One configuration set of weight 1 with E = M = 0.</summary>
    public static IsingMoments Unit => new(1.0, 0, 0.0, 0.0, 0.0, 0.0, 0.0);

    /// <summary>log of the weight.</summary>
    public double LogWeight => Math.Log(Weight) + Exponent * Math.Log(2.0);

    /// <summary>
    /// The union of set a, its weights multiplied by <paramref name="scaleA"/> 2^<paramref name="exponentA"/> and
    /// its energies shifted by <paramref name="shiftA"/>, with set b treated likewise.
    /// </summary>
    public static IsingMoments Merge(in IsingMoments a, double scaleA, int exponentA, double shiftA, in IsingMoments b, double scaleB, int exponentB, double shiftB)
    {
        var weightA = scaleA * a.Weight;
        var weightB = scaleB * b.Weight;
        int powerA = a.Exponent + exponentA, powerB = b.Exponent + exponentB;
        int power;
        if (weightA == 0.0)
        {
            if (weightB == 0.0) return default;
            power = powerB;
        }
        else power = weightB == 0.0 ? powerA : Math.Max(powerA, powerB);

        weightA = Math.ScaleB(weightA, powerA - power);
        weightB = Math.ScaleB(weightB, powerB - power);
        var weight = weightA + weightB;
        var inverse = 1.0 / weight;
        var p = weightA * inverse;
        var q = weightB * inverse;
        var energyA = a.MeanEnergy + shiftA;
        var energyB = b.MeanEnergy + shiftB;
        var energyGap = energyA - energyB;
        var magnetisationGap = a.MeanMagnetisation - b.MeanMagnetisation;
        var pq = p * q;
        var normaliser = Math.ILogB(weight);
        return new IsingMoments(
            Math.ScaleB(weight, -normaliser),
            power + normaliser,
            p * energyA + q * energyB,
            p * a.MeanMagnetisation + q * b.MeanMagnetisation,
            p * a.EnergyVariance + q * b.EnergyVariance + pq * energyGap * energyGap,
            p * a.MagnetisationVariance + q * b.MagnetisationVariance + pq * magnetisationGap * magnetisationGap,
            p * a.Covariance + q * b.Covariance + pq * energyGap * magnetisationGap);
    }

    /// <summary>
    /// Every configuration extended by one more piece of weight <paramref name="factor"/> 2^<paramref name="exponent"/>,
    /// energy <paramref name="energy"/> and magnetisation <paramref name="magnetisation"/>.
    /// </summary>
    public IsingMoments Extend(double factor, int exponent, double energy, double magnetisation)
    {
        var weight = factor * Weight;
        if (weight == 0.0) return default;
        var normaliser = Math.ILogB(weight);
        return this with
        {
            Weight = Math.ScaleB(weight, -normaliser),
            Exponent = Exponent + exponent + normaliser,
            MeanEnergy = MeanEnergy + energy,
            MeanMagnetisation = MeanMagnetisation + magnetisation,
        };
    }

    /// <summary>e^<paramref name="logFactor"/> as a mantissa in [1, 2) and a binary exponent, for any finite logFactor.</summary>
    public static (double Mantissa, int Exponent) Split(double logFactor)
    {
        var exponent = Math.Floor(logFactor / Math.Log(2.0));
        return (Math.Exp(logFactor - exponent * Math.Log(2.0)), (int)exponent);
    }

    /// <summary>The set with every spin reversed: same energies at zero field, M and Cov(E, M) negated.</summary>
    public IsingMoments SpinReversed() => this with { MeanMagnetisation = -MeanMagnetisation, Covariance = -Covariance };
}
