using System.Numerics;
using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>Receives each state of a walk: its index (bit i = unit i high), energy and magnetisation.</summary>
internal interface IStateVisitor
{
    void Visit(int index, double energy, double magnetisation);
}

/// <summary>
/// The fixed partition of the 2^n states into blocks, and the Gray-code walk through one block.
/// </summary>
/// <remarks>
/// Block k holds the states whose top n - m bits spell k; its walk starts at index k 2^m (low bits
/// all low), evaluates that state's energy from scratch, then visits the other 2^m - 1 states in
/// reflected binary Gray-code order: step t flips unit tz(t), the number of trailing zeros of t
/// (Gray 1953; Knuth, TAOCP 7.2.1.1), so each step costs one <see cref="IDiscreteModel.FlipEnergyChange"/>.
/// Each block re-anchors the energy, so the rounding drift of the running sum is bounded by the
/// block length (at most 2^20 flips). The partition depends on n alone, never on the thread count.
/// </remarks>
internal static class EnumerationWalk
{
    /// <summary>Blocks of 2^14 states up to n = 24, then at most 1024 blocks of at most 2^20 states.</summary>
    public static int DefaultBlockBits(int units) => units <= 14 ? units : Math.Clamp(units - 10, 14, 20);

    /// <summary>Visits the 2^<paramref name="blockBits"/> states of block <paramref name="block"/>.</summary>
    public static void Block<TVisitor>(IDiscreteModel model, int block, int blockBits, ref TVisitor visitor)
        where TVisitor : struct, IStateVisitor
    {
        var units = model.Dimension;
        var (low, high) = model.States == StateConvention.Binary ? (0.0, 1.0) : (-1.0, 1.0);
        var step = high - low;
        var index = block << blockBits;
        var state = new double[units];
        var magnetisation = 0.0;
        for (var i = 0; i < units; i++)
        {
            state[i] = ((index >> i) & 1) == 1 ? high : low;
            magnetisation += state[i];
        }

        var energy = model.Energy(state);
        visitor.Visit(index, energy, magnetisation);
        var count = 1 << blockBits;
        for (var t = 1; t < count; t++)
        {
            var site = BitOperations.TrailingZeroCount(t);
            var change = model.FlipEnergyChange(state, site);
            var raised = state[site] == low;
            state[site] = raised ? high : low;

            // A change or a running sum that overflowed (fields near 1e308) is replaced by the exact energy,
            // which is finite whenever the state's energy is representable.
            energy += change;
            if (!double.IsFinite(energy)) energy = model.Energy(state);
            magnetisation += raised ? step : -step;
            index ^= 1 << site;
            visitor.Visit(index, energy, magnetisation);
        }
    }
}
