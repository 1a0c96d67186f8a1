using Ebm.Functional.Estimators;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>Particles per block of <see cref="Annealed"/> (the last block holds the rest): the blocks of <see cref="AisBlocks"/>.</summary>
    public const int AnnealedBlockSize = AisBlocks.Size;

    /// <summary>The number of blocks of a run of <see cref="Annealed"/> with <paramref name="particles"/> particles (0 for none).</summary>
    /// <param name="particles">The run's particle count.</param>
    public static int AnnealedBlockCount(int particles) => AisBlocks.Count(particles);

    /// <summary>
    /// Anneals block <paramref name="block"/> of a run of <see cref="Annealed"/>: particles
    /// 1024 b .. min(P, 1024 (b + 1)) − 1 of the P = <paramref name="settings"/>.Particles, with the block's key (the run's
    /// key for a run of one block, else <c>key.FoldIn(b)</c>, as <see cref="AisBlocks.Key"/>).
    /// </summary>
    /// <remarks>
    /// The layout depends on P alone, so the blocks can run anywhere — one after another, or on the machines of a cluster —
    /// and <see cref="CombineAnnealed"/> makes them, in order, into <see cref="Annealed"/>'s points bit for bit. A run of one
    /// block (P ≤ 1024) is the unblocked run; with more blocks, each block is an annealing run of its own, its particles
    /// independent of every other block's, so the combination is AIS with P independent particles.
    /// </remarks>
    /// <param name="key">The run's key (not the block's).</param>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="betas">The grid, as given to <see cref="Annealed"/>.</param>
    /// <param name="settings">The run's settings (its particle count, not the block's).</param>
    /// <param name="block">The block, 0 .. <see cref="AnnealedBlockCount"/>(P) − 1.</param>
    /// <param name="progress">Receives the fraction of this block's path done.</param>
    public static Fin<AnnealedBlock> AnnealBlock(
        RngKey key, IEnergyModel model, IReadOnlyList<double> betas, AnnealedSettings settings, int block, IProgress<double>? progress = null) =>
        from valid in settings.Validate()
        from grid in Grid(betas)
        from above in AboveZero(grid)
        from sampled in Sampled(model, AnnealedMethod)
        from index in block >= 0 && block < AnnealedBlockCount(valid.Particles)
            ? FinSucc(block)
            : FinFail<int>(AnnealingEstimatorErrors.InvalidBlock(AnnealedMethod, block, AnnealedBlockCount(valid.Particles)))
        select AnnealBlock(key, sampled, grid, valid, index, progress);

    /// <summary>
    /// <see cref="Annealed"/>'s points from every block of its run, in block order: at each grid point the blocks' log
    /// weights, energies and order parameters concatenated, then weighted as one run of all the particles.
    /// </summary>
    /// <param name="model">The model the blocks ran on.</param>
    /// <param name="betas">The grid they ran along.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="blocks">Every block of the layout, once each, in order.</param>
    public static Fin<Seq<ThermoPoint>> CombineAnnealed(IEnergyModel model, IReadOnlyList<double> betas, AnnealedSettings settings, IReadOnlyList<AnnealedBlock> blocks) =>
        from valid in settings.Validate()
        from grid in Grid(betas)
        from above in AboveZero(grid)
        from sampled in Sampled(model, AnnealedMethod)
        from whole in Whole(valid.Particles, grid.Length, sampled.Dimension, blocks)
        select Points(sampled, grid, whole);

    private static AnnealedBlock AnnealBlock(RngKey key, IEnergyModel sampled, double[] grid, AnnealedSettings settings, int block, IProgress<double>? progress) =>
        new(block, AnnealTrace(AisBlocks.Key(key, settings.Particles, block), sampled, grid,
            settings with { Particles = AisBlocks.Length(settings.Particles, block) }, progress));

    private static Fin<IReadOnlyList<AnnealedBlock>> Whole(int particles, int points, int units, IReadOnlyList<AnnealedBlock> blocks)
    {
        Fin<IReadOnlyList<AnnealedBlock>> Mismatch(string reason) =>
            FinFail<IReadOnlyList<AnnealedBlock>>(AnnealingEstimatorErrors.BlocksMismatch(AnnealedMethod, reason));
        var count = AnnealedBlockCount(particles);
        if (blocks.Count != count) return Mismatch($"{blocks.Count} blocks given, the layout of {particles} particles has {count}");
        for (var b = 0; b < count; b++)
        {
            var (block, length) = (blocks[b], AisBlocks.Length(particles, b));
            if (block.Block != b) return Mismatch($"block {block.Block} given in place {b}");
            if (block.Points.Count != points) return Mismatch($"block {b} has {block.Points.Count} points, the grid has {points}");
            if (block.Points.Exists(p => p.LogWeights.Length != length || p.Energies.Length != length || p.Orders.Exists(o => o.Length != length)))
                return Mismatch($"block {b} does not hold {length} particles at every point");
            if (block.Points.Exists(p => p.Orders.IsSome) && block.Points.Exists(p => p.Orders.IsNone))
                return Mismatch($"block {b} has order parameters at some points only");
        }

        return blocks.Select(b => b.Points.Head.Orders.IsSome).Distinct().Count() > 1
            ? Mismatch("some blocks have order parameters and some do not")
            : FinSucc(blocks);
    }

    private static Seq<ThermoPoint> Points(IEnergyModel sampled, double[] grid, IReadOnlyList<AnnealedBlock> blocks)
    {
        var logZAtZero = sampled is ICategoricalModel categorical ? LogZAtZero(categorical) : sampled.Dimension * Math.Log(2.0);
        return Enumerable.Range(0, grid.Length).Select(g =>
        {
            var points = blocks.Select(b => b.Points[g]).ToArray();
            var logWeights = points.SelectMany(p => p.LogWeights.Span.ToArray()).ToArray();
            var energies = Vec.Of(points.SelectMany(p => p.Energies.Span.ToArray()).ToArray());
            var orders = points[0].Orders.Map(_ => points.SelectMany(p => p.Orders.Match(o => o.Span.ToArray(), () => [])).ToArray());
            return Weighted(grid[g], logZAtZero, logWeights, energies, orders, sampled.Dimension);
        }).ToSeq();
    }
}
