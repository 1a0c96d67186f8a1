using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Checkerboard sweeps of an Ising lattice: every site of colour 0 is updated at once (they share no
/// bond, so their updates are conditionally independent), then every site of colour 1, and so on.
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)), E(s) = -J sum_bonds s_i s_j - h sum_i s_i. A site's update depends
/// only on its spin s_i and its neighbour sum n_i in {-4..4} (local field f_i = J n_i + h), so the flip
/// probabilities are tabulated once per (beta, J, h) for the 2 x 9 cases: Metropolis
/// min(1, exp(-2 beta s_i f_i)) with 7/8 at a tie f_i = 0 (<see cref="MetropolisAcceptance"/>), heat bath
/// 1 / (1 + exp(2 beta s_i f_i)). A flip is taken when the 32-bit
/// word x of the site's random draw satisfies x &lt; ceil(2^32 p), i.e. exactly when the uniform x / 2^32 is
/// below p; the realised flip probability is p rounded up to a multiple of 2^-32.</para>
/// <para>Colours: the checkerboard (r + c) mod 2 on open lattices and on periodic lattices with even
/// sides. A periodic lattice with an odd side has no two-colouring (a row wraps onto itself with odd
/// length); there the sites get a greedy three-colouring in row-major order, each class still free of
/// internal bonds, and a sweep updates the three classes in turn.</para>
/// <para>Reversibility: each colour's update is reversible with respect to p (a product of reversible
/// single-site kernels on sites that do not interact); a full sweep, a fixed-order product, is not, but
/// leaves p stationary (Metropolis et al. 1953; Glauber 1963; for the checkerboard decomposition see
/// Landau and Binder, "A Guide to Monte Carlo Simulations in Statistical Physics", 2014, ch. 5).</para>
/// <para>Irreducibility: a tie is accepted with probability 7/8, not 1. With min(1, e^0) = 1 every site of
/// the alternating-column state of a periodic lattice at h = 0 (neighbour sum 0) flips with certainty, and
/// the sweep moves it to its mirror image and back forever at E = 0 whatever beta; at beta = 0 every sweep
/// would flip the whole lattice. Both chains are irreducible and aperiodic for every beta &gt;= 0.</para>
/// <para>Randomness: chain c uses key.FoldIn(c); the k-th site of colour g reads word k mod 4 of Philox
/// block offset_g + k / 4, so a sweep is bit-identical for any thread count.</para>
/// <example><code>
/// var model = IsingModel.Create(256, 256, 1.0, 0.0, Boundary.Periodic).ThrowIfFail();
/// var sampler = Checkerboard.Create(model, beta: 0.44, CheckerboardUpdate.Metropolis);
/// var state = sampler.Init(startingSpins);            // C x N matrix of +1/-1
/// var final = Loop.Run(RngKey.FromSeed(1), state, steps: 1000, sampler.Step);
/// </code></example>
/// </remarks>
public static class Checkerboard
{
    private const int ChunkSites = 8192;

    /// <summary>Sites whose random words are drawn in one bulk fill (a multiple of 4, so tiles start on a block).</summary>
    private const int TileSites = 256;
    private const int SumCases = 9;

    /// <summary>
    /// The checkerboard sampler at inverse temperature <paramref name="beta"/>; Init takes C x N spins as doubles.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a non-finite beta (validate user input first).
    /// </summary>
    /// <param name="model">The lattice (any size, periodic or open, any J and h).</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="update">Metropolis or heat bath at each site.</param>
    /// <param name="maxDegreeOfParallelism">Threads for chains (or, with one chain, for chunks of a colour); -1 for all. Results do not depend on it.</param>
    public static Sampler<Mat, IsingChains, CheckerboardInfo> Create(IsingModel model, double beta, CheckerboardUpdate update, int maxDegreeOfParallelism = -1)
    {
        if (!double.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite");
        var geometry = new LatticeGeometry(model);
        var thresholds = Thresholds(FlipProbabilities(model, beta, update));
        var name = update == CheckerboardUpdate.Metropolis ? "checkerboard-metropolis" : "checkerboard-heat-bath";
        return new Sampler<Mat, IsingChains, CheckerboardInfo>(
            name,
            states => IsingChains.FromStates(model, states),
            (key, state) => Sweep(key, state, geometry, thresholds, update, maxDegreeOfParallelism));
    }

    /// <summary>
    /// The sweep at any inverse temperature over one shared geometry: simulated annealing changes beta every sweep, and
    /// a fresh <see cref="Create"/> per beta would rebuild the neighbour tables each time. Same bits as <see cref="Create"/>.
    /// </summary>
    internal static Func<double, KernelStep<IsingChains, CheckerboardInfo>> AtEveryBeta(IsingModel model, CheckerboardUpdate update, int maxDegreeOfParallelism)
    {
        var geometry = new LatticeGeometry(model);
        return beta =>
        {
            if (!double.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite");
            var thresholds = Thresholds(FlipProbabilities(model, beta, update));
            return (key, state) => Sweep(key, state, geometry, thresholds, update, maxDegreeOfParallelism);
        };
    }

    /// <summary>
    /// The flip probability of a site with spin s and neighbour sum n, at index (s &gt; 0 ? 9 : 0) + n + 4.
    /// </summary>
    internal static double[] FlipProbabilities(IsingModel model, double beta, CheckerboardUpdate update)
    {
        var table = new double[2 * SumCases];
        for (var spinIndex = 0; spinIndex < 2; spinIndex++)
        {
            var spin = spinIndex == 0 ? -1.0 : 1.0;
            for (var n = -4; n <= 4; n++)
            {
                var x = -2.0 * beta * spin * (model.Coupling * n + model.Field);
                table[spinIndex * SumCases + n + 4] = update == CheckerboardUpdate.Metropolis
                    ? MetropolisAcceptance.Probability(-x)
                    : Sigmoid(x);
            }
        }

        return table;
    }

    /// <summary>The colour classes, in update order (for the exact transition matrix).</summary>
    internal static int[][] ColourClasses(IsingModel model) => new LatticeGeometry(model).ClassSites;

    private static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    private static ulong[] Thresholds(double[] probabilities) =>
        probabilities.Select(p => p >= 1.0 ? 1UL << 32 : (ulong)Math.Ceiling(p * 4294967296.0)).ToArray();

    private static (IsingChains, CheckerboardInfo) Sweep(RngKey key, IsingChains state, LatticeGeometry geometry, ulong[] thresholds, CheckerboardUpdate update, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var stride = state.Stride;
        var spins = state.Buffer.ToArray();
        var totals = new SweepTotals[chains];
        if (chains > 1)
        {
            Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
            {
                var chainKey = key.FoldIn(c);
                var row = spins.AsSpan(c * stride, stride);
                for (var colour = 0; colour < geometry.ClassSites.Length; colour++)
                    totals[c] = totals[c].Add(UpdateRange(chainKey, row, geometry, colour, 0, geometry.ClassSites[colour].Length, thresholds));
            });
        }
        else if (chains == 1)
        {
            var chainKey = key.FoldIn(0);
            for (var colour = 0; colour < geometry.ClassSites.Length; colour++)
            {
                var size = geometry.ClassSites[colour].Length;
                var chunks = (size + ChunkSites - 1) / ChunkSites;
                var parts = new SweepTotals[chunks];
                var g = colour;
                Batch.ForEachRow(maxDegreeOfParallelism, chunks, part =>
                    parts[part] = UpdateRange(chainKey, spins.AsSpan(0, stride), geometry, g, part * ChunkSites, Math.Min(size, (part + 1) * ChunkSites), thresholds));
                foreach (var part in parts) totals[0] = totals[0].Add(part);
            }
        }

        var bonds = new long[chains];
        var magnetisations = new long[chains];
        for (var c = 0; c < chains; c++)
        {
            bonds[c] = state.BondSums[c] - 2 * totals[c].SpinTimesSum;
            magnetisations[c] = state.Magnetisations[c] - 2 * totals[c].Spin;
        }

        var sites = (double)geometry.Sites;
        var acceptance = Vec.Create(chains, a =>
        {
            for (var c = 0; c < chains; c++) a[c] = update == CheckerboardUpdate.HeatBath ? 1.0 : totals[c].ThresholdSum / 4294967296.0 / sites;
        });
        var flipRates = Vec.Create(chains, f =>
        {
            for (var c = 0; c < chains; c++) f[c] = totals[c].Flips / sites;
        });
        return (new IsingChains(state.Model, chains, spins, bonds, magnetisations), new CheckerboardInfo(acceptance, flipRates));
    }

    /// <summary>Updates the sites k in [start, end) of one colour (start a multiple of 4) in one chain's row, branch-free.</summary>
    private static SweepTotals UpdateRange(RngKey chainKey, Span<sbyte> row, LatticeGeometry geometry, int colour, int start, int end, ulong[] thresholds)
    {
        ref var spin0 = ref MemoryMarshal.GetReference(row);
        ref var site0 = ref MemoryMarshal.GetArrayDataReference(geometry.ClassSites[colour]);
        ref var neighbour0 = ref MemoryMarshal.GetArrayDataReference(geometry.ClassNeighbours[colour]);
        ref var threshold0 = ref MemoryMarshal.GetArrayDataReference(thresholds);
        var blockOffset = geometry.ClassDrawOffsets[colour];
        long flips = 0, spinTimesSum = 0, spinSum = 0;
        ulong thresholdSum = 0;
        Span<uint> words = stackalloc uint[TileSites];
        ref var word0 = ref MemoryMarshal.GetReference(words);
        for (var tile = start; tile < end; tile += TileSites)
        {
            var count = Math.Min(TileSites, end - tile);
            BulkDraws.Words(chainKey, blockOffset + (tile >> 2), words[..count]);
            for (var w = 0; w < count; w++)
            {
                var word = Unsafe.Add(ref word0, w);
                var index = tile + w;
                var site = Unsafe.Add(ref site0, index);
                ref var nb = ref Unsafe.Add(ref neighbour0, index * LatticeGeometry.Slots);
                int n = Unsafe.Add(ref spin0, nb) + Unsafe.Add(ref spin0, Unsafe.Add(ref nb, 1))
                      + Unsafe.Add(ref spin0, Unsafe.Add(ref nb, 2)) + Unsafe.Add(ref spin0, Unsafe.Add(ref nb, 3));
                ref var cell = ref Unsafe.Add(ref spin0, site);
                int s = cell;
                var threshold = Unsafe.Add(ref threshold0, ((s + 1) >> 1) * SumCases + n + 4);
                thresholdSum += threshold;
                var flip = (int)((ulong)((long)word - (long)threshold) >> 63);
                cell = (sbyte)(s - 2 * s * flip);
                flips += flip;
                spinTimesSum += flip * s * n;
                spinSum += flip * s;
            }
        }

        return new SweepTotals(flips, spinTimesSum, spinSum, thresholdSum);
    }

    private readonly record struct SweepTotals(long Flips, long SpinTimesSum, long Spin, ulong ThresholdSum)
    {
        public SweepTotals Add(SweepTotals other) =>
            new(Flips + other.Flips, SpinTimesSum + other.SpinTimesSum, Spin + other.Spin, ThresholdSum + other.ThresholdSum);
    }
}
