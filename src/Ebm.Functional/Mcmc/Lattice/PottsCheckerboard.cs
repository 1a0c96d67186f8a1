using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Heat-bath (Gibbs) checkerboard sweeps of a q-state Potts or clock lattice: every site of colour 0 draws its value
/// from its conditional at once (they share no bond), then every site of colour 1, and so on.
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)). Site i, its neighbours fixed, takes value v with probability
/// p(v) ∝ exp(beta (J sum_j pair(v, s_j) + h single(v))), pair = delta (Potts) or cos(theta_v - theta_j) (clock) and
/// single = delta(v, 0) or cos theta_v: the heat bath of Glauber (1963) over the q values, the same rule for both models.
/// The log weights are shifted by their maximum before exponentiation, so no beta overflows; the draw is the inverse
/// CDF of one uniform.</para>
/// <para>Colours: the checkerboard (r + c) mod 2, or three colours on a periodic lattice with an odd side (as
/// <see cref="Checkerboard"/>). Each colour's update is a product of Gibbs updates of non-interacting sites, so it is
/// reversible with respect to p; a sweep (the colours in a fixed order) leaves p stationary. Every value has positive
/// probability at every site, so the sweep is irreducible and aperiodic for every finite beta.</para>
/// <para>Energies stay exact: the kernel counts how each change moves the integer bond class and value counts of
/// <see cref="PottsChains"/>.</para>
/// <para>Randomness: chain c uses key.FoldIn(c); the k-th site of colour g reads uniform o_g + k (o_g the number of
/// sites of the colours before g), so a sweep is bit-identical for any thread count.</para>
/// </remarks>
/// <example><code>
/// Fin&lt;PottsChains&gt; final =
///     from model in PottsModel.Create(16, 16, 3, 1.0, 0.0, Boundary.Periodic)
///         .Match(Succ: Fin&lt;PottsModel&gt;.Succ, Fail: errors =&gt; Fin&lt;PottsModel&gt;.Fail(errors.Head))
///     from sampler in PottsCheckerboard.Create(model, beta: 1.0)
///     select Loop.Run(RngKey.FromSeed(1), sampler.Init(Mat.Zeros(4, 256)), 1000, sampler.Step);
/// </code></example>
public static class PottsCheckerboard
{
    /// <summary>The sampler's name in reports.</summary>
    public const string Name = "potts-heat-bath";

    private const int ChunkSites = 8192;
    private const int TileSites = 256;

    /// <summary>
    /// The step of <see cref="Create"/> for a model and beta its caller has already checked (a Potts or clock lattice, a
    /// finite beta: the only two reasons Create fails), as annealing paths and temperature ladders build one per beta;
    /// a failure here is a defect and throws <see cref="InvalidOperationException"/>.
    /// </summary>
    internal static KernelStep<PottsChains, CheckerboardInfo> CheckedStep(ICategoricalModel model, double beta, int maxDegreeOfParallelism) =>
        Create(model, beta, maxDegreeOfParallelism).Match(
            Succ: sampler => sampler.Step,
            Fail: error => throw new InvalidOperationException($"the heat-bath kernel refused a checked model: {error.Message}"));

    /// <summary>
    /// The heat-bath checkerboard sampler at inverse temperature <paramref name="beta"/>; Init takes C x N units (0..q-1) as doubles.
    /// An error when the model is not a Potts or clock lattice or beta is not finite.
    /// </summary>
    /// <param name="model">A <see cref="PottsModel"/> or <see cref="ClockModel"/> (any size, boundary, J and h).</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="maxDegreeOfParallelism">Threads for chains (or, with one chain, for chunks of a colour); -1 for all. Results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<Sampler<Mat, PottsChains, CheckerboardInfo>> Create(ICategoricalModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        if (!double.IsFinite(beta)) return PottsLatticeErrors.InvalidBeta(beta);
        var terms = CategoricalTerms.Of(model);
        if (terms is null) return PottsLatticeErrors.NotALattice(model.Kind);
        var lattice = PottsLattice.Of(terms);
        var tables = new HeatBathTables(terms, beta);
        return new Sampler<Mat, PottsChains, CheckerboardInfo>(
            Name,
            states => PottsChains.FromStates(model, states),
            (key, state) => Sweep(key, state, lattice, tables, maxDegreeOfParallelism));
    }

    private static (PottsChains, CheckerboardInfo) Sweep(RngKey key, PottsChains state, PottsLattice lattice, HeatBathTables tables, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var sites = lattice.Sites;
        var terms = state.Terms;
        var units = state.Buffer.ToArray();
        var changes = new PottsChanges(chains, terms);
        if (chains > 1)
        {
            Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
            {
                var chainKey = key.FoldIn(c);
                var row = units.AsSpan(c * sites, sites);
                for (var colour = 0; colour < lattice.ClassSites.Length; colour++)
                    UpdateRange(chainKey, row, lattice, tables, colour, 0, lattice.ClassSites[colour].Length, changes, c);
            });
        }
        else if (chains == 1)
        {
            var chainKey = key.FoldIn(0);
            for (var colour = 0; colour < lattice.ClassSites.Length; colour++)
            {
                var size = lattice.ClassSites[colour].Length;
                var chunks = (size + ChunkSites - 1) / ChunkSites;
                var parts = Enumerable.Range(0, chunks).Select(_ => new PottsChanges(1, terms)).ToArray();
                var g = colour;
                Batch.ForEachRow(maxDegreeOfParallelism, chunks, part =>
                    UpdateRange(chainKey, units.AsSpan(0, sites), lattice, tables, g, part * ChunkSites, Math.Min(size, (part + 1) * ChunkSites), parts[part], 0));
                foreach (var part in parts) changes.Add(part);
            }
        }

        var flipRates = Vec.Create(chains, f =>
        {
            for (var c = 0; c < chains; c++) f[c] = changes.Moves[c] / (double)sites;
        });
        return (state.With(units, changes.Classes, changes.Values), new CheckerboardInfo(Vec.Filled(chains, 1.0), flipRates));
    }

    /// <summary>Draws the sites k in [start, end) of one colour of one chain from their conditionals, recording the count changes in slot <paramref name="chain"/>.</summary>
    private static void UpdateRange(
        RngKey chainKey, Span<byte> row, PottsLattice lattice, HeatBathTables tables, int colour, int start, int end, PottsChanges changes, int chain)
    {
        var q = tables.Levels;
        var classSites = lattice.ClassSites[colour];
        Span<double> uniforms = stackalloc double[TileSites];
        Span<double> weights = stackalloc double[q];
        for (var tile = start; tile < end; tile += TileSites)
        {
            var count = Math.Min(TileSites, end - tile);
            BulkDraws.Uniforms(chainKey, lattice.ClassDrawOffsets[colour] + tile, uniforms[..count]);
            for (var w = 0; w < count; w++)
            {
                var site = classSites[tile + w];
                var neighbours = lattice.Neighbours.AsSpan(site * PottsLattice.Slots, PottsLattice.Slots);
                var value = tables.Draw(row, neighbours, lattice.Sites, uniforms[w], weights);
                var old = row[site];
                if (value == old) continue;
                changes.Move(chain, row, neighbours, lattice.Sites, old, value);
                row[site] = (byte)value;
            }
        }
    }
}
