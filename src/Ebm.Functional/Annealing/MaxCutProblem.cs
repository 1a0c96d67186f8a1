using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Weighted Max-Cut: split the vertices of a graph into two sides (s_i = +-1) so that the total weight of the edges
/// between the sides, cut(s) = sum_edges w_ij (1 - s_i s_j) / 2, is largest; as an Ising problem, the spin machine
/// E(s) = sum_edges w_ij s_i s_j (couplings W_ij = -w_ij) whose minima are the maximum cuts, cut(s) = (W - E(s)) / 2
/// with W the total weight.
/// </summary>
/// <remarks>
/// Parallel edges add their weights; a loop (i, i) is refused, since it is never cut. Worked number: a triangle with
/// unit weights has W = 3; s = (+1, +1, -1) cuts two edges, E = 1 - 1 - 1 = -1 and cut = (3 + 1) / 2 = 2 (Lucas,
/// "Ising formulations of many NP problems", 2014, section 2.2).
/// </remarks>
public sealed record MaxCutProblem
{
    private MaxCutProblem(int vertices, Seq<WeightedEdge> edges, double totalWeight, BoltzmannMachine model)
    {
        Vertices = vertices;
        Edges = edges;
        TotalWeight = totalWeight;
        Model = model;
    }

    /// <summary>Number of vertices n.</summary>
    public int Vertices { get; }

    /// <summary>The edges as given.</summary>
    public Seq<WeightedEdge> Edges { get; }

    /// <summary>W, the sum of every edge's weight.</summary>
    public double TotalWeight { get; }

    /// <summary>The spin machine whose energy is sum_edges w_ij s_i s_j.</summary>
    public BoltzmannMachine Model { get; }

    /// <summary>A problem on <paramref name="vertices"/> vertices (0-based edge ends); every problem is reported.</summary>
    public static Validation<Error, MaxCutProblem> Create(int vertices, Seq<WeightedEdge> edges)
    {
        if (vertices < 1 || vertices > ModelLimits.MaxBoltzmannUnits)
            return Fail<Error, MaxCutProblem>(SimulatedAnnealingErrors.InvalidProblem("max-cut",
                $"a graph has 1 to {ModelLimits.MaxBoltzmannUnits} vertices, not {vertices}"));
        var errors = Seq<Error>();
        var index = 0;
        foreach (var (from, to, weight) in edges)
        {
            if (from < 0 || from >= vertices || to < 0 || to >= vertices)
                errors = errors.Add(SimulatedAnnealingErrors.InvalidProblem("max-cut", $"edge {index} ({from}, {to}) has a vertex outside 0..{vertices - 1}"));
            else if (from == to)
                errors = errors.Add(SimulatedAnnealingErrors.InvalidProblem("max-cut", $"edge {index} is a loop at vertex {from}; a loop is never cut"));
            if (!double.IsFinite(weight))
                errors = errors.Add(SimulatedAnnealingErrors.InvalidProblem("max-cut", $"edge {index} has weight {weight}, not a finite number"));
            index++;
            if (errors.Count >= 10) break;
        }

        if (!errors.IsEmpty) return Fail<Error, MaxCutProblem>(errors);
        var couplings = Mat.Create(vertices, vertices, d =>
        {
            foreach (var (from, to, weight) in edges)
            {
                d[from * vertices + to] -= weight;
                d[to * vertices + from] -= weight;
            }
        });
        var total = edges.Fold(0.0, (sum, e) => sum + e.Weight);
        return BoltzmannMachine.Create(couplings, Vec.Zeros(vertices), StateConvention.Spin)
            .Map(model => new MaxCutProblem(vertices, edges, total, model));
    }

    /// <summary>cut(s) = sum_edges w_ij (1 - s_i s_j) / 2 of a state of +-1 spins, summed edge by edge.</summary>
    public double Cut(ReadOnlySpan<double> spins)
    {
        if (spins.Length != Vertices) throw new ArgumentException($"{spins.Length} spins for {Vertices} vertices", nameof(spins));
        var cut = 0.0;
        foreach (var (from, to, weight) in Edges)
            if (spins[from] != spins[to]) cut += weight;
        return cut;
    }

    /// <summary>The cut of a state of energy <paramref name="energy"/>, (W - E) / 2.</summary>
    public double CutOfEnergy(double energy) => 0.5 * (TotalWeight - energy);
}
