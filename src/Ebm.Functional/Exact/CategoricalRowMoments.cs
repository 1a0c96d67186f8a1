namespace Ebm.Functional.Exact;

/// <summary>
/// The vector a categorical transfer matrix propagates: for each row state s, the total weight of the configurations of
/// the rows so far that end in s (relative to exp(<see cref="LogShift"/>)), and their weighted means and variances of E,
/// M_x and M_y.
/// </summary>
/// <remarks>
/// A linear step v'_j = sum_i A_ij v_i with A_ij = exp(-beta e_ij) adds e_ij to the energy of every configuration that goes
/// through i -&gt; j, so the moments merge exactly as pooled groups: W = sum w_i A_ij, mean = sum w_i A_ij (mean_i + e_ij) / W,
/// variance = sum w_i A_ij (var_i + (mean_i + e_ij - mean)^2) / W (two passes, no cancellation: Var(E) keeps its relative
/// accuracy where it is tiny next to U^2). After each step the weights are divided by their largest, which joins the shift.
/// </remarks>
internal sealed class CategoricalRowMoments
{
    public CategoricalRowMoments(int states)
    {
        Weight = new double[states];
        Energy = new double[states];
        EnergyVariance = new double[states];
        Along = new double[states];
        AlongVariance = new double[states];
        Across = new double[states];
        AcrossVariance = new double[states];
    }

    public double[] Weight { get; }

    public double[] Energy { get; }

    public double[] EnergyVariance { get; }

    public double[] Along { get; }

    public double[] AlongVariance { get; }

    public double[] Across { get; }

    public double[] AcrossVariance { get; }

    /// <summary>log of the common factor of the weights.</summary>
    public double LogShift { get; set; }

    public int States => Weight.Length;

    /// <summary>Divides the weights by their largest, moving it into <see cref="LogShift"/>; false when every weight is 0.</summary>
    public bool Normalise()
    {
        var largest = Weight.Max();
        if (!(largest > 0)) return false;
        for (var s = 0; s < Weight.Length; s++) Weight[s] /= largest;
        LogShift += Math.Log(largest);
        return true;
    }

    /// <summary>
    /// Sets entry <paramref name="target"/> of this vector to the pool of the q entries <paramref name="sources"/> of
    /// <paramref name="from"/>, source a weighted by factor[a] and with energy[a] added to its energy.
    /// </summary>
    public void Pool(int target, CategoricalRowMoments from, ReadOnlySpan<int> sources, ReadOnlySpan<double> factor, ReadOnlySpan<double> energy)
    {
        double total = 0.0, meanEnergy = 0.0, along = 0.0, across = 0.0;
        for (var a = 0; a < sources.Length; a++)
        {
            var w = from.Weight[sources[a]] * factor[a];
            total += w;
            meanEnergy += w * (from.Energy[sources[a]] + energy[a]);
            along += w * from.Along[sources[a]];
            across += w * from.Across[sources[a]];
        }

        Weight[target] = total;
        if (!(total > 0))
        {
            Energy[target] = EnergyVariance[target] = Along[target] = AlongVariance[target] = Across[target] = AcrossVariance[target] = 0.0;
            return;
        }

        meanEnergy /= total;
        along /= total;
        across /= total;
        double energyVariance = 0.0, alongVariance = 0.0, acrossVariance = 0.0;
        for (var a = 0; a < sources.Length; a++)
        {
            var i = sources[a];
            var w = from.Weight[i] * factor[a];
            if (w == 0.0) continue;
            var de = from.Energy[i] + energy[a] - meanEnergy;
            var dx = from.Along[i] - along;
            var dy = from.Across[i] - across;
            energyVariance += w * (from.EnergyVariance[i] + de * de);
            alongVariance += w * (from.AlongVariance[i] + dx * dx);
            acrossVariance += w * (from.AcrossVariance[i] + dy * dy);
        }

        Energy[target] = meanEnergy;
        EnergyVariance[target] = energyVariance / total;
        Along[target] = along;
        AlongVariance[target] = alongVariance / total;
        Across[target] = across;
        AcrossVariance[target] = acrossVariance / total;
    }
}
