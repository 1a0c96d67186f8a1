using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The exact ground state of a small discrete model, found by visiting all 2^n states: the reference that annealing
/// runs are scored against (<see cref="SaSuccess"/>).
/// </summary>
/// <remarks>
/// The walk is the one of exact enumeration (blocks of Gray-code steps, each a single flip's energy change), run in
/// parallel over blocks and merged in block order, so the state found is the same for any thread count: the lowest
/// index among the states of least energy (bit i of the index = unit i high), up to the rounding of the running sums.
/// Its energy is then recomputed from the state. A spin model at zero field has its ground states in pairs x, -x.
/// </remarks>
/// <param name="Energy">E_0, recomputed from <see cref="State"/>.</param>
/// <param name="State">A state of least energy (units as doubles).</param>
public sealed record GroundState(double Energy, Vec State)
{
    /// <summary>The most units enumerated (2^24 states, about a second per ten million flips on one core).</summary>
    public const int MaxUnits = 24;

    /// <summary>A ground state of <paramref name="model"/>, or <see cref="SimulatedAnnealingErrors.TooLargeForEnumeration"/>.</summary>
    /// <param name="model">The model, at most <see cref="MaxUnits"/> units.</param>
    /// <param name="maxDegreeOfParallelism">Threads over blocks (-1: all); the result does not depend on it.</param>
    public static Fin<GroundState> Enumerate(IDiscreteModel model, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        var units = model.Dimension;
        if (units > MaxUnits) return FinFail<GroundState>(SimulatedAnnealingErrors.TooLargeForEnumeration(units, MaxUnits));
        var blockBits = EnumerationWalk.DefaultBlockBits(units);
        var blocks = 1 << (units - blockBits);
        var lowest = new LowestVisitor[blocks];
        Batch.ForEachRow(maxDegreeOfParallelism, blocks, block =>
        {
            var visitor = new LowestVisitor(double.PositiveInfinity, -1);
            EnumerationWalk.Block(model, block, blockBits, ref visitor);
            lowest[block] = visitor;
        });
        var best = lowest[0];
        for (var block = 1; block < blocks; block++)
            if (lowest[block].Energy < best.Energy) best = lowest[block];
        var (low, high) = model.States == StateConvention.Binary ? (0.0, 1.0) : (-1.0, 1.0);
        var state = Vec.Create(units, d =>
        {
            for (var i = 0; i < units; i++) d[i] = ((best.Index >> i) & 1) == 1 ? high : low;
        });
        return FinSucc(new GroundState(model.Energy(state.Span), state));
    }

    // Within a block the lowest index wins a tie; blocks are merged in index order by the caller.
    private struct LowestVisitor(double energy, int index) : IStateVisitor
    {
        public double Energy = energy;
        public int Index = index;

        public void Visit(int index, double energy, double magnetisation)
        {
            if (energy < Energy || (energy == Energy && index < Index))
            {
                Energy = energy;
                Index = index;
            }
        }
    }
}
