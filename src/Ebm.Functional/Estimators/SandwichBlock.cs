namespace Ebm.Functional.Estimators;

/// <summary>
/// One block of a sandwich (<see cref="SandwichBlocks"/>): forward AIS block b and reverse AIS block b, run on the same
/// machine. A plain value, so it can travel between machines.
/// </summary>
/// <param name="Forward">The forward AIS block (the lower bound's particles).</param>
/// <param name="Reverse">The reverse AIS block (the upper bound's particles).</param>
public sealed record SandwichBlock(AisBlock Forward, AisBlock Reverse);
