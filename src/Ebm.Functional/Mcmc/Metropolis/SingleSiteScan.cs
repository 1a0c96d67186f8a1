using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>
/// The engine shared by every single-site kernel over an <see cref="IDiscreteModel"/>: n site updates per
/// step and per chain, each flipping the chosen unit with the rule's probability, with the cached energy
/// updated by the flip's energy change.
/// </summary>
/// <remarks>
/// Chain c draws from <c>key.FoldIn(c)</c>: update u uses uniform 2u to choose the site (random scan) and
/// uniform 2u + 1 to accept, so a chain's path is the same whatever the number of threads or chains.
/// </remarks>
internal static class SingleSiteScan
{
    /// <summary>Checks that every unit holds the convention's low or high value and caches the energies.</summary>
    public static DiscreteChains Init(IDiscreteModel model, Mat states)
    {
        if (states.Columns != model.Dimension)
            throw new ArgumentException($"states have {states.Columns} columns, the model has {model.Dimension} units", nameof(states));
        var low = Low(model.States);
        foreach (var value in states.Span)
            if (value != low && value != 1.0)
                throw new ArgumentException($"a unit holds {value}; {model.States} units are {low} or 1", nameof(states));
        return new DiscreteChains(states, model.Energies(states));
    }

    /// <summary>One step (n updates) of every chain.</summary>
    public static (DiscreteChains State, SiteScanTally Tally) Step<TRule>(
        TRule rule, IDiscreteModel model, ScanOrder order, int maxDegreeOfParallelism, RngKey key, DiscreteChains chains)
        where TRule : ISiteRule
    {
        var chainCount = chains.Chains;
        var n = chains.Dimension;
        var low = Low(model.States);
        var states = chains.States.Span.ToArray();
        var energies = chains.Energies.ToArray();
        var acceptance = new double[chainCount];
        var flips = new double[chainCount];
        var nans = new double[chainCount];
        Batch.ForEachRow(maxDegreeOfParallelism, chainCount, c =>
        {
            var chainKey = key.FoldIn(c);
            var row = states.AsSpan(c * n, n);
            var energy = energies[c];
            double acceptanceSum = 0, flipCount = 0, nanCount = 0;
            for (var u = 0; u < n; u++)
            {
                var site = order == ScanOrder.Random ? RandomSite(chainKey, u, n) : u;
                var probability = rule.FlipProbability(row, site, out var energyChange);
                if (double.IsNaN(probability))
                {
                    nanCount++;
                    continue;
                }

                acceptanceSum += probability;
                if (chainKey.UniformAt(2L * u + 1) < probability)
                {
                    row[site] = row[site] == 1.0 ? low : 1.0;
                    energy += energyChange;
                    flipCount++;
                }
            }

            energies[c] = energy;
            acceptance[c] = n == 0 ? 1.0 : acceptanceSum / n;
            flips[c] = n == 0 ? 0.0 : flipCount / n;
            nans[c] = nanCount;
        });
        var next = new DiscreteChains(Mat.Wrap(chainCount, n, states), Vec.Wrap(energies));
        return (next, new SiteScanTally(Vec.Wrap(acceptance), Vec.Wrap(flips), Vec.Wrap(nans)));
    }

    /// <summary>
    /// The exact transition matrix of one step on the 2^n states indexed x = sum_i 2^i [unit i high] (as
    /// in <c>Enumeration.Probabilities</c>): K^n with K = (1/n) sum_i K_i for the random scan,
    /// K_0 K_1 ... K_{n-1} for the systematic sweep. For tests on tiny models (n &lt;= 10).
    /// </summary>
    public static Mat StepMatrix<TRule>(TRule rule, IDiscreteModel model, ScanOrder order) where TRule : ISiteRule
    {
        var n = model.Dimension;
        var size = 1 << n;
        var flip = FlipTable(rule, model);
        var product = Identity(size);
        for (var u = 0; u < n; u++)
            product = order == ScanOrder.Random ? ApplyRandomSite(product, flip, n) : ApplySite(product, flip, n, u);
        return Mat.Wrap(size, size, product);
    }

    /// <summary>The exact matrix of ONE random-site update, (1/n) sum_i K_i: the reversible building block of the random scan.</summary>
    public static Mat RandomSiteMatrix<TRule>(TRule rule, IDiscreteModel model) where TRule : ISiteRule
    {
        var n = model.Dimension;
        var size = 1 << n;
        return Mat.Wrap(size, size, ApplyRandomSite(Identity(size), FlipTable(rule, model), n));
    }

    /// <summary>The value of a unit that is off: 0 for {0,1} units, -1 for spins.</summary>
    public static double Low(StateConvention states) => states == StateConvention.Binary ? 0.0 : -1.0;

    /// <summary>The state with index <paramref name="index"/> (unit i high when bit i is set).</summary>
    public static void StateOf(int index, double low, Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = ((index >> i) & 1) == 1 ? 1.0 : low;
    }

    private static int RandomSite(RngKey chainKey, int update, int n) =>
        Math.Min((int)(chainKey.UniformAt(2L * update) * n), n - 1);

    // flip[x * n + i]: probability that the update of site i moves state x to x with bit i toggled;
    // a NaN probability is a rejection, so it counts as 0.
    private static double[] FlipTable<TRule>(TRule rule, IDiscreteModel model) where TRule : ISiteRule
    {
        var n = model.Dimension;
        if (n > 10) throw new ArgumentException("exact transition matrices are for models of at most 10 units", nameof(model));
        var size = 1 << n;
        var table = new double[size * n];
        var state = new double[n];
        for (var x = 0; x < size; x++)
        {
            StateOf(x, Low(model.States), state);
            for (var i = 0; i < n; i++)
            {
                var p = rule.FlipProbability(state, i, out _);
                table[x * n + i] = double.IsNaN(p) ? 0.0 : p;
            }
        }

        return table;
    }

    private static double[] Identity(int size)
    {
        var identity = new double[size * size];
        for (var x = 0; x < size; x++) identity[x * size + x] = 1.0;
        return identity;
    }

    // (M K_i)[a, y] = M[a, y] (1 - flip(y, i)) + M[a, y ^ 2^i] flip(y ^ 2^i, i): K_i has two entries per row.
    private static double[] ApplySite(double[] m, double[] flip, int n, int site)
    {
        var size = 1 << n;
        var result = new double[size * size];
        var bit = 1 << site;
        for (var a = 0; a < size; a++)
        for (var y = 0; y < size; y++)
            result[a * size + y] = m[a * size + y] * (1.0 - flip[y * n + site]) + m[a * size + (y ^ bit)] * flip[(y ^ bit) * n + site];
        return result;
    }

    private static double[] ApplyRandomSite(double[] m, double[] flip, int n)
    {
        var size = 1 << n;
        var sum = new double[size * size];
        for (var i = 0; i < n; i++)
        {
            var term = ApplySite(m, flip, n, i);
            for (var k = 0; k < sum.Length; k++) sum[k] += term[k] / n;
        }

        return sum;
    }
}
