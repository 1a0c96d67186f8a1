using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Multi-spin coded checkerboard sweeps of a periodic Ising lattice with even sides: 64 spins of one lattice per
/// 64-bit word, every site of one colour updated bitwise, 64 at a time; the same Markov chain as
/// <see cref="Checkerboard"/> with the same <see cref="CheckerboardUpdate"/>, exactly.
/// </summary>
/// <remarks>
/// <para>Layout: the two colours of a lattice row (site (r, c) has colour (r + c) mod 2) sit in separate words, bit
/// k of row r's colour-g words holding column 2k + ((r + g) mod 2); the four neighbours of 64 sites of one colour
/// are then three aligned words of the other colour (the rows above and below, the same row) and one shifted by a
/// bit across the row (Jacobs and Rebbi 1981 and Zorn, Herrmann and Rebbi 1981 for multi-spin coding; Landau and
/// Binder, "A Guide to Monte Carlo Simulations in Statistical Physics", 2014, ch. 5).</para>
/// <para>Update: with e_k = NOT(s XOR n_k) the agreement of each site with neighbour k, a bit-sliced adder gives the
/// count a = e_1 + e_2 + e_3 + e_4 in three bit planes; s n = 2a - 4, so the site's flip probability depends only on
/// its class (s, a), ten classes, tabulated once per (beta, J, h): Metropolis min(1, exp(-2 beta s (J n + h))) with
/// 7/8 at a tie, heat bath 1 / (1 + exp(2 beta s (J n + h))) (the probabilities of <see cref="Checkerboard"/>). One
/// uniform per site, read bit plane by bit plane, is compared with its class's probability exactly (see the remarks
/// of the row update): the realised flip probability is the double p, without the 2^-32 rounding of the byte kernel,
/// so the two kernels differ in their bits, not in their transition matrix (up to that rounding).</para>
/// <para>Energies: a flip of a site changes B by -2 s n = 8 - 4a and M by -2 s; sites of one colour share no bond, so
/// popcounts of the flip mask against the count planes give the exact integer changes of B and M.</para>
/// <para>Randomness: chain c uses key.FoldIn(c); each word reads its own blocks, so a sweep is bit-identical for any
/// thread count. Chains run in parallel; one chain is split into bands of rows, one per worker, with one fork-join per sweep.</para>
/// <para>Users: the thermodynamic sweeps (<c>ThermoSweep.Sample</c>, <c>ThermoSweep.Annealed</c>, and so
/// <c>ebm thermo --method pt|reweighting|ais</c>) run every Ising lattice this kernel supports on it. Wang-Landau keeps its own
/// single-flip kernel: a walker accepts a flip with min(1, g(E) / g(E')), which depends on its current total energy and
/// its own g, both changed by every accepted flip, so neither 64 sites of one walker (each decision needs the energy
/// after the previous one) nor 64 walkers in a word (64 different g(E), so 64 scalar acceptance decisions per trial)
/// can be decided by one bitwise comparison with a per-class table.</para>
/// <example><code>
/// var model = IsingModel.Create(256, 256, 1.0, 0.0, Boundary.Periodic).ThrowIfFail();
/// var run =
///     from sampler in MultiSpinCheckerboard.Create(model, beta: 0.44)
///     from start in MultiSpinChains.FromStates(model, startingSpins)   // C x N matrix of +1/-1
///     select Loop.Run(RngKey.FromSeed(1), start, steps: 1000, sampler.Step);
/// run.Match(Succ: final =&gt; Console.WriteLine(final.Energies[0]), Fail: error =&gt; Console.Error.WriteLine(error.Message));
/// </code></example>
/// </remarks>
public static class MultiSpinCheckerboard
{
    /// <summary>The fewest words of one colour worth a parallel chunk when a single chain is split.</summary>
    private const int MinimumChunkWords = 64;

    /// <summary>
    /// The multi-spin checkerboard Metropolis sampler at inverse temperature <paramref name="beta"/>; Init takes C x N
    /// spins as doubles. Fails for a non-finite beta or a lattice that is not periodic with even sides.
    /// </summary>
    /// <param name="model">The lattice (periodic, even sides, any J and h).</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="maxDegreeOfParallelism">Threads for chains (or, with one chain, for parts of each colour); -1 for all. Results do not depend on it.</param>
    public static Fin<Sampler<Mat, MultiSpinChains, CheckerboardInfo>> Create(IsingModel model, double beta, int maxDegreeOfParallelism = -1) =>
        Create(model, beta, CheckerboardUpdate.Metropolis, maxDegreeOfParallelism);

    /// <summary>As <see cref="Create(IsingModel, double, int)"/>, with Metropolis or heat bath at each site.</summary>
    /// <param name="model">The lattice (periodic, even sides, any J and h).</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="update">Metropolis or heat bath at each site.</param>
    /// <param name="maxDegreeOfParallelism">Threads for chains (or, with one chain, for parts of each colour); -1 for all. Results do not depend on it.</param>
    public static Fin<Sampler<Mat, MultiSpinChains, CheckerboardInfo>> Create(IsingModel model, double beta, CheckerboardUpdate update, int maxDegreeOfParallelism = -1)
    {
        if (!double.IsFinite(beta)) return FinFail<Sampler<Mat, MultiSpinChains, CheckerboardInfo>>(MultiSpinErrors.InvalidBeta(beta));
        if (!MultiSpinLayout.Supports(model)) return FinFail<Sampler<Mat, MultiSpinChains, CheckerboardInfo>>(MultiSpinErrors.UnsupportedLattice(model));
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return FinSucc(Checked(model, beta, update, maxDegreeOfParallelism));
    }

    /// <summary>
    /// The sampler of <see cref="Create(IsingModel, double, CheckerboardUpdate, int)"/> for a caller that has already
    /// checked the lattice (<see cref="MultiSpinLayout.Supports"/>), beta (finite) and the parallelism, such as the
    /// thermodynamic sweeps, which build one kernel per beta of a path.
    /// </summary>
    internal static Sampler<Mat, MultiSpinChains, CheckerboardInfo> Checked(IsingModel model, double beta, CheckerboardUpdate update, int maxDegreeOfParallelism)
    {
        var layout = new MultiSpinLayout(model);
        var thresholds = Thresholds(model, beta, update);
        return new Sampler<Mat, MultiSpinChains, CheckerboardInfo>(
            update == CheckerboardUpdate.Metropolis ? "multispin-metropolis" : "multispin-heat-bath",
            states => MultiSpinChains.Pack(model, layout, states),
            (key, state) => Sweep(key, state, thresholds, update, maxDegreeOfParallelism));
    }

    /// <summary>The class table the sweep compares uniforms with (for the exact transition matrix).</summary>
    internal static MultiSpinThresholds Thresholds(IsingModel model, double beta, CheckerboardUpdate update) =>
        new(Checkerboard.FlipProbabilities(model, beta, update));

    private static (MultiSpinChains, CheckerboardInfo) Sweep(RngKey key, MultiSpinChains state, MultiSpinThresholds thresholds, CheckerboardUpdate update, int maxDegreeOfParallelism)
    {
        var layout = state.Layout;
        var chains = state.Chains;
        var perChain = layout.WordsPerChain;
        var words = state.Words.ToArray();
        var width = MultiSpinRows.FirstValueCount + thresholds.Values.Length;
        var totals = new long[chains * width];
        if (chains > 1)
        {
            Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
            {
                var chain = words.AsSpan(c * perChain, perChain);
                for (var colour = 0; colour < 2; colour++)
                    MultiSpinRows.Update(key.FoldIn(c), chain, layout, thresholds, colour, 0, layout.Rows, totals.AsSpan(c * width, width));
            });
        }
        else if (chains == 1)
        {
            // Every word draws its own bits and the totals are integer sums, so the split is free: one band of rows per
            // worker (none smaller than MinimumChunkWords), and one fork-join per sweep. A band updates colour 0 on its
            // rows, then colour 1 on its inner rows, whose colour-0 neighbours are all its own; colour 1 on the band's
            // edge rows reads a neighbouring band's colour 0, so it waits for the join. Meanwhile no band reads a row
            // another band writes: colour 0 of a band's edge row reads colour 1 only on the edge rows of the band beside it.
            var chunks = Math.Clamp(layout.WordsPerColour / MinimumChunkWords, 1, Batch.Workers(maxDegreeOfParallelism));
            var rowsPerChunk = (layout.Rows + chunks - 1) / chunks;
            chunks = (layout.Rows + rowsPerChunk - 1) / rowsPerChunk;
            var parts = new long[chunks * width];
            var chainKey = key.FoldIn(0);
            void Band(int part, int colour, int first, int end) =>
                MultiSpinRows.Update(chainKey, words.AsSpan(0, perChain), layout, thresholds, colour, first, end, parts.AsSpan(part * width, width));
            Batch.ForEachRow(maxDegreeOfParallelism, chunks, part =>
            {
                int first = part * rowsPerChunk, end = Math.Min(layout.Rows, first + rowsPerChunk);
                Band(part, 0, first, end);
                if (end - first > 2) Band(part, 1, first + 1, end - 1);
            });
            for (var part = 0; part < chunks; part++)
            {
                int first = part * rowsPerChunk, end = Math.Min(layout.Rows, first + rowsPerChunk);
                Band(part, 1, first, first + 1);
                if (end - first > 1) Band(part, 1, end - 1, end);
            }

            for (var part = 0; part < chunks; part++)
            for (var t = 0; t < width; t++) totals[t] += parts[part * width + t];
        }

        var bondSums = new long[chains];
        var magnetisations = new long[chains];
        var acceptance = new double[chains];
        var flipRates = new double[chains];
        var sites = (double)layout.Sites;
        for (var c = 0; c < chains; c++)
        {
            var t = totals.AsSpan(c * width, width);
            bondSums[c] = state.BondSums[c] + 8 * t[0] - 4 * t[1];
            magnetisations[c] = state.Magnetisations[c] + 2 * t[0] - 4 * t[2];
            var expectedFlips = (double)t[3];
            for (var v = 0; v < thresholds.Values.Length; v++) expectedFlips += t[MultiSpinRows.FirstValueCount + v] * thresholds.Values[v];
            acceptance[c] = update == CheckerboardUpdate.HeatBath ? 1.0 : expectedFlips / sites;
            flipRates[c] = t[0] / sites;
        }

        return (new MultiSpinChains(state.Model, layout, chains, words, bondSums, magnetisations),
            new CheckerboardInfo(Vec.From(acceptance), Vec.From(flipRates)));
    }
}
