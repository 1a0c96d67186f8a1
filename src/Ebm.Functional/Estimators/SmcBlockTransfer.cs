namespace Ebm.Functional.Estimators;

/// <summary>
/// What one block of a blocked SMC run (<see cref="SmcBlocks"/>) does at a resampling: its new particle j is the old
/// particle <c>Ancestors[j]</c> of the whole run (a global index); the ancestors it holds itself it copies in place, the
/// others it receives, each distinct particle once, from the blocks that hold them (<see cref="Requests"/>).
/// </summary>
/// <remarks>
/// The block builds its new batch by stacking its own particles and the received ones, in <see cref="Requests"/>'
/// order, and selecting <see cref="Rows"/> from the stack; with no request it selects its own slots directly, which is
/// what the unblocked run does.
/// </remarks>
public sealed record SmcBlockTransfer
{
    private SmcBlockTransfer(int block, int[] ancestors, IReadOnlyList<SmcTransferRequest> requests, int[] rows)
    {
        Block = block;
        Ancestors = ancestors;
        Requests = requests;
        Rows = rows;
    }

    /// <summary>The block.</summary>
    public int Block { get; }

    /// <summary>The global index of the ancestor of each of the block's slots.</summary>
    public int[] Ancestors { get; }

    /// <summary>The particles the block receives, by source block in increasing order, each source's slots distinct and increasing; never the block itself.</summary>
    public IReadOnlyList<SmcTransferRequest> Requests { get; }

    /// <summary>Slot j's row in the stack of the block's own particles followed by the received ones.</summary>
    public int[] Rows { get; }

    /// <summary>The transfer of <paramref name="block"/> from the global ancestors of its slots.</summary>
    /// <param name="particles">The run's particle count N.</param>
    /// <param name="block">The block.</param>
    /// <param name="ancestors">Its slots' ancestors, global indices in 0 .. N − 1.</param>
    public static SmcBlockTransfer Of(int particles, int block, int[] ancestors)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        var (size, own) = (SmcBlocks.Size, SmcBlocks.Length(particles, block));
        var bySource = new SortedDictionary<int, SortedSet<int>>();
        foreach (var a in ancestors)
        {
            var source = a / size;
            if (source == block) continue;
            if (!bySource.TryGetValue(source, out var slots)) bySource[source] = slots = [];
            slots.Add(a - source * size);
        }

        var requests = bySource.Select(p => new SmcTransferRequest(p.Key, [.. p.Value])).ToArray();
        var place = new Dictionary<int, int>();
        var next = own;
        foreach (var request in requests)
            foreach (var slot in request.Slots) place[request.Source * size + slot] = next++;
        var rows = ancestors.Select(a => a / size == block ? a - block * size : place[a]).ToArray();
        return new SmcBlockTransfer(block, ancestors, requests, rows);
    }
}
