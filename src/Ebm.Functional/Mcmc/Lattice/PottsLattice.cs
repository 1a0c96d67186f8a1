using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Neighbour slots and a proper colouring of a categorical lattice, built once per kernel: the geometry of
/// <see cref="LatticeGeometry"/> (four slots per site, the sentinel N for a missing neighbour or a self-bond, a doubled
/// neighbour on a periodic side of 2, the checkerboard or a greedy three-colouring) with one uniform per site.
/// </summary>
internal sealed class PottsLattice
{
    /// <summary>Slots per site.</summary>
    public const int Slots = LatticeGeometry.Slots;

    private PottsLattice(LatticeGeometry geometry)
    {
        Sites = geometry.Sites;
        Neighbours = geometry.Neighbours;
        ClassSites = geometry.ClassSites;
        ClassDrawOffsets = new long[ClassSites.Length];
        for (var colour = 1; colour < ClassSites.Length; colour++)
            ClassDrawOffsets[colour] = ClassDrawOffsets[colour - 1] + ClassSites[colour - 1].Length;
    }

    /// <summary>Number of sites N; also the sentinel index.</summary>
    public int Sites { get; }

    /// <summary>Neighbour slot table, N x 4 (right, left, down, up), sentinel N for none.</summary>
    public int[] Neighbours { get; }

    /// <summary>The sites of each colour class, ascending.</summary>
    public int[][] ClassSites { get; }

    /// <summary>The index of the first uniform of each class: the k-th site of a class reads uniform offset + k.</summary>
    public long[] ClassDrawOffsets { get; }

    /// <summary>The geometry of the lattice behind <paramref name="terms"/> (the Ising lattice of the same shape has the same bonds).</summary>
    public static PottsLattice Of(CategoricalTerms terms) =>
        new(new LatticeGeometry(IsingModel.Create(terms.Rows, terms.Columns, 0.0, 0.0, terms.Boundary)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message))));
}
