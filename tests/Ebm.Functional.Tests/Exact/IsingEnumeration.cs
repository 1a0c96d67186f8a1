using Ebm.Functional.Models;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Brute-force ground truth for small Ising lattices: every one of the 2^N states is visited, its bond
/// sum B = sum_i s_i (s_right + s_down) and magnetisation M = sum_i s_i are counted exactly as integers,
/// and the thermodynamics at any (J, h, beta) follow from that histogram with centred sums.
/// </summary>
internal static class IsingEnumeration
{
    internal sealed record Exact(double LogZ, double MeanEnergy, double EnergyVariance, double MeanMagnetisation, double MeanSquareMagnetisation);

    /// <summary>Number of states with each (B, M), written out plainly with no use of the library's energy.</summary>
    public static IReadOnlyList<(int Bonds, int Magnetisation, long Count)> Histogram(int rows, int columns, Boundary boundary)
    {
        var n = rows * columns;
        if (n > 16) throw new ArgumentException("enumeration in the tests is limited to 2^16 states");
        var counts = new Dictionary<(int, int), long>();
        var spin = new int[n];
        for (var bits = 0; bits < 1 << n; bits++)
        {
            for (var i = 0; i < n; i++) spin[i] = ((bits >> i) & 1) == 1 ? 1 : -1;
            int bonds = 0, magnetisation = 0;
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var s = spin[r * columns + c];
                magnetisation += s;
                if (c + 1 < columns) bonds += s * spin[r * columns + c + 1];
                else if (boundary == Boundary.Periodic) bonds += s * spin[r * columns];
                if (r + 1 < rows) bonds += s * spin[(r + 1) * columns + c];
                else if (boundary == Boundary.Periodic) bonds += s * spin[c];
            }

            counts[(bonds, magnetisation)] = counts.GetValueOrDefault((bonds, magnetisation)) + 1;
        }

        return counts.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).OrderBy(t => t.Item1).ThenBy(t => t.Item2).ToList();
    }

    /// <summary>log Z, U, Var(E), &lt;M&gt; and &lt;M^2&gt; at E = -J B - h M, summed in log space and centred.</summary>
    public static Exact Thermodynamics(int rows, int columns, Boundary boundary, double coupling, double field, double beta) =>
        Thermodynamics(Histogram(rows, columns, boundary), coupling, field, beta);

    /// <summary>As above, from a histogram already counted by <see cref="Histogram"/>.</summary>
    public static Exact Thermodynamics(IReadOnlyList<(int Bonds, int Magnetisation, long Count)> classes, double coupling, double field, double beta)
    {
        var logWeights = classes.Select(t => Math.Log(t.Count) + beta * (coupling * t.Bonds + field * t.Magnetisation)).ToArray();
        var top = logWeights.Max();
        var weights = logWeights.Select(x => Math.Exp(x - top)).ToArray();
        var total = weights.Sum();
        double Mean(Func<(int Bonds, int Magnetisation, long Count), double> f) => classes.Select((t, i) => weights[i] * f(t)).Sum() / total;
        double Energy((int Bonds, int Magnetisation, long Count) t) => -coupling * t.Bonds - field * t.Magnetisation;
        var meanEnergy = Mean(Energy);
        var variance = Mean(t => (Energy(t) - meanEnergy) * (Energy(t) - meanEnergy));
        var meanM = Mean(t => t.Magnetisation);
        var meanM2 = Mean(t => (double)t.Magnetisation * t.Magnetisation);
        return new Exact(top + Math.Log(total), meanEnergy, variance, meanM, meanM2);
    }
}
