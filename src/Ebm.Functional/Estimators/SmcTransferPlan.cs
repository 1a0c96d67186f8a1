namespace Ebm.Functional.Estimators;

/// <summary>
/// A resampling of a blocked SMC run (<see cref="SmcBlocks"/>) as moves between blocks: the ancestors drawn for the
/// whole run, cut into one <see cref="SmcBlockTransfer"/> per block. Only particles that change block travel, each at most
/// once per receiving block however many copies it gets there.
/// </summary>
/// <param name="Particles">The run's particle count N.</param>
/// <param name="Blocks">Every block's transfer, in block order.</param>
public sealed record SmcTransferPlan(int Particles, IReadOnlyList<SmcBlockTransfer> Blocks)
{
    /// <summary>The plan of <paramref name="ancestors"/>: new particle i of the run is old particle <c>ancestors[i]</c>.</summary>
    /// <param name="particles">The run's particle count N.</param>
    /// <param name="ancestors">N global indices in 0 .. N − 1.</param>
    public static SmcTransferPlan Of(int particles, int[] ancestors)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        if (ancestors.Length != particles) throw new ArgumentException($"{ancestors.Length} ancestors for {particles} particles", nameof(ancestors));
        var blocks = Enumerable.Range(0, SmcBlocks.Count(particles))
            .Select(b => SmcBlockTransfer.Of(particles, b, ancestors[SmcBlocks.Offset(b)..(SmcBlocks.Offset(b) + SmcBlocks.Length(particles, b))]))
            .ToArray();
        return new SmcTransferPlan(particles, blocks);
    }

    /// <summary>What block <paramref name="source"/> sends: the blocks that receive from it, with the slots each receives.</summary>
    /// <param name="source">The sending block.</param>
    public IReadOnlyList<(int Destination, int[] Slots)> Outgoing(int source) =>
        Blocks.SelectMany(d => d.Requests.Where(r => r.Source == source).Select(r => (d.Block, r.Slots))).ToArray();

    /// <summary>The number of particles that travel between blocks (a particle sent to two blocks counts twice).</summary>
    public int Travelling => Blocks.Sum(d => d.Requests.Sum(r => r.Slots.Length));
}
