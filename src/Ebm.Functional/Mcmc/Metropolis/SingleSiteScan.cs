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

    /// <summary>The value of a unit that is off: 0 for {0,1} units, -1 for spins.</summary>
    public static double Low(StateConvention states) => states == StateConvention.Binary ? 0.0 : -1.0;

    private static int RandomSite(RngKey chainKey, int update, int n) =>
        Math.Min((int)(chainKey.UniformAt(2L * update) * n), n - 1);
}
