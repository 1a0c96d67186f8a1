namespace Ebm.Functional.Annealing;

/// <summary>An undirected edge of a weighted graph between two distinct vertices (0-based).</summary>
/// <param name="From">One end.</param>
/// <param name="To">The other end.</param>
/// <param name="Weight">The edge's weight (finite, any sign).</param>
public readonly record struct WeightedEdge(int From, int To, double Weight);
