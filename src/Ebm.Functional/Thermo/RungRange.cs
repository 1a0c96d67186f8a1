namespace Ebm.Functional.Thermo;

/// <summary>The contiguous rungs one block of a tempering run holds (<see cref="TemperingBlocks"/>).</summary>
/// <param name="First">The first rung.</param>
/// <param name="Count">How many rungs, at least 1.</param>
public sealed record RungRange(int First, int Count)
{
    /// <summary>One past the last rung.</summary>
    public int End => First + Count;

    /// <summary>Whether rung <paramref name="rung"/> is one of the block's.</summary>
    public bool Holds(int rung) => rung >= First && rung < End;
}
