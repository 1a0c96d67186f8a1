namespace Ebm.Functional.Thermo;

/// <summary>
/// Groups bins into distinct energies: bins whose energies differ by at most a tolerance (the rounding of J B + h M
/// for two pairs with the same exact energy) are one level.
/// </summary>
internal static class EnergyLevels
{
    /// <summary>The distinct energies, increasing, and the level of each listed bin (-1 for bins not listed).</summary>
    public static (double[] Energies, int[] LevelOfBin) Group(int bins, IEnumerable<int> listed, Func<int, double> energyOf, double tolerance)
    {
        var order = listed.Select(bin => (Energy: energyOf(bin), Bin: bin)).OrderBy(p => p.Energy).ThenBy(p => p.Bin).ToArray();
        var levelOfBin = new int[bins];
        Array.Fill(levelOfBin, -1);
        var energies = new List<double>();
        foreach (var (energy, bin) in order)
        {
            if (energies.Count == 0 || energy - energies[^1] > tolerance) energies.Add(energy);
            levelOfBin[bin] = energies.Count - 1;
        }

        return (energies.ToArray(), levelOfBin);
    }

    /// <summary>log(e^a + e^b), exact at -infinity.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        var high = Math.Max(a, b);
        return high + Math.Log(1.0 + Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary>Shifts the finite entries of <paramref name="logG"/> so that their exponentials sum to e^<paramref name="logStates"/>.</summary>
    public static void Normalise(Span<double> logG, double logStates)
    {
        var total = double.NegativeInfinity;
        foreach (var value in logG) total = LogAddExp(total, value);
        var shift = logStates - total;
        for (var k = 0; k < logG.Length; k++)
        {
            if (double.IsFinite(logG[k])) logG[k] += shift;
        }
    }
}
