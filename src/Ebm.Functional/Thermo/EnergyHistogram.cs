namespace Ebm.Functional.Thermo;

/// <summary>
/// The sufficient statistics of reweighting with energies alone: the distinct sampled energies E_b, how many samples
/// of all rungs fell on each (n_b), how many each rung drew (N_k), and per energy the sums of |m|, m^2 and m^4 of those
/// samples. Reweighting weighs a sample by its energy only, so these give every estimate exactly, without binning
/// error: the bins are the distinct energies themselves.
/// </summary>
/// <param name="Energies">The distinct energies, increasing.</param>
/// <param name="Counts">n_b: samples at energy b, all rungs together.</param>
/// <param name="Draws">N_k: samples drawn at rung k.</param>
/// <param name="AbsoluteSums">Sum of |m| over the samples at energy b (empty without magnetisations).</param>
/// <param name="SquareSums">Sum of m^2 over the samples at energy b (empty without magnetisations).</param>
/// <param name="FourthSums">Sum of m^4 over the samples at energy b (empty without magnetisations).</param>
internal sealed record EnergyHistogram(double[] Energies, double[] Counts, double[] Draws, double[] AbsoluteSums, double[] SquareSums, double[] FourthSums)
{
    /// <summary>Whether the magnetisation sums are present.</summary>
    public bool HasOrder => AbsoluteSums.Length > 0;

    /// <summary>
    /// One histogram per group of consecutive sweeps (sweeps [g T / G, (g + 1) T / G) of every chain and rung), over the
    /// distinct energies of the whole run, so that a group can be left out by subtraction.
    /// </summary>
    public static EnergyHistogram[] Groups(TemperingSamples samples, int groups)
    {
        var energies = samples.Energies.SelectMany(e => e.Span.ToArray()).Distinct().Order().ToArray();
        var order = samples.Magnetisations.IsSome;
        var magnetisations = samples.Magnetisations.Match(m => m.ToArray(), () => []);
        var rungs = samples.Energies.Count;
        var (chains, sweeps) = (samples.Chains, samples.Sweeps);
        var result = new EnergyHistogram[groups];
        for (var g = 0; g < groups; g++)
        {
            int first = g * sweeps / groups, last = (g + 1) * sweeps / groups;
            var histogram = Empty(energies, rungs, order);
            for (var k = 0; k < rungs; k++)
            {
                var e = samples.Energies[k];
                for (var c = 0; c < chains; c++)
                for (var t = first; t < last; t++)
                {
                    var b = System.Array.BinarySearch(energies, e[c, t]);
                    histogram.Counts[b] += 1;
                    histogram.Draws[k] += 1;
                    if (!order) continue;
                    var m = magnetisations[k][c, t];
                    histogram.AbsoluteSums[b] += Math.Abs(m);
                    histogram.SquareSums[b] += m * m;
                    histogram.FourthSums[b] += m * m * m * m;
                }
            }

            result[g] = histogram;
        }

        return result;
    }

    /// <summary>The sum of <paramref name="parts"/> except part <paramref name="left"/> (-1: all of them).</summary>
    public static EnergyHistogram SumExcept(EnergyHistogram[] parts, int left)
    {
        var sum = Empty(parts[0].Energies, parts[0].Draws.Length, parts[0].HasOrder);
        for (var g = 0; g < parts.Length; g++)
        {
            if (g == left) continue;
            Add(sum.Counts, parts[g].Counts);
            Add(sum.Draws, parts[g].Draws);
            Add(sum.AbsoluteSums, parts[g].AbsoluteSums);
            Add(sum.SquareSums, parts[g].SquareSums);
            Add(sum.FourthSums, parts[g].FourthSums);
        }

        return sum;
    }

    private static EnergyHistogram Empty(double[] energies, int rungs, bool order)
    {
        var orderLength = order ? energies.Length : 0;
        return new EnergyHistogram(energies, new double[energies.Length], new double[rungs], new double[orderLength], new double[orderLength], new double[orderLength]);
    }

    private static void Add(double[] sum, double[] part)
    {
        for (var i = 0; i < sum.Length; i++) sum[i] += part[i];
    }
}
