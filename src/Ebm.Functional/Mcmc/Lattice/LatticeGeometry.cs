using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Neighbour tables and a proper colouring of an Ising lattice, built once per kernel.
/// </summary>
/// <remarks>
/// Each site has four neighbour slots (right, left, down, up). A slot that has no neighbour (an open
/// edge, or a periodic side of length 1 whose "neighbour" is the site itself, a constant energy no
/// flip changes) points at the sentinel index <see cref="Sites"/>, whose spin is kept at 0, so a
/// neighbour sum is four loads without branches. A periodic side of length 2 gives the same
/// neighbour in two slots, matching the energy's double count of that pair.
/// Colours come from a greedy colouring in row-major order (the smallest colour no earlier neighbour
/// has). On an open lattice and on a periodic lattice with even sides this is the checkerboard
/// (r + c) mod 2; a periodic odd side is not bipartite and gets three colours.
/// </remarks>
internal sealed class LatticeGeometry
{
    /// <summary>Slots per site.</summary>
    public const int Slots = 4;

    public LatticeGeometry(IsingModel model)
    {
        Rows = model.Rows;
        Columns = model.Columns;
        Sites = Rows * Columns;
        Neighbours = new int[Sites * Slots];
        var periodic = model.Boundary == Boundary.Periodic;
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var site = row * Columns + column;
                var slot = site * Slots;
                Neighbours[slot] = Neighbour(site, row, column + 1, periodic);
                Neighbours[slot + 1] = Neighbour(site, row, column - 1, periodic);
                Neighbours[slot + 2] = Neighbour(site, row + 1, column, periodic);
                Neighbours[slot + 3] = Neighbour(site, row - 1, column, periodic);
            }
        }

        SelfBonds = (periodic && Columns == 1 ? Sites : 0) + (periodic && Rows == 1 ? Sites : 0);
        Colours = GreedyColours();
        var classCount = Colours.Max() + 1;
        ClassSites = new int[classCount][];
        ClassNeighbours = new int[classCount][];
        ClassDrawOffsets = new long[classCount];
        long offset = 0;
        for (var colour = 0; colour < classCount; colour++)
        {
            var sites = Enumerable.Range(0, Sites).Where(s => Colours[s] == colour).ToArray();
            ClassSites[colour] = sites;
            var neighbours = new int[sites.Length * Slots];
            for (var k = 0; k < sites.Length; k++) Array.Copy(Neighbours, sites[k] * Slots, neighbours, k * Slots, Slots);
            ClassNeighbours[colour] = neighbours;
            ClassDrawOffsets[colour] = offset;
            offset += (sites.Length + 3) / 4;
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Number of sites N; also the sentinel index.</summary>
    public int Sites { get; }

    /// <summary>Bond terms that couple a site to itself (periodic side 1): each adds s_i^2 = 1 to B whatever the spins.</summary>
    public int SelfBonds { get; }

    /// <summary>Neighbour slot table, N x 4, sentinel N for a missing neighbour.</summary>
    public int[] Neighbours { get; }

    /// <summary>Colour of each site.</summary>
    public int[] Colours { get; }

    /// <summary>The sites of each colour class, ascending.</summary>
    public int[][] ClassSites { get; }

    /// <summary>The neighbour slots of each class's sites, in class order (contiguous for streaming).</summary>
    public int[][] ClassNeighbours { get; }

    /// <summary>First Philox block of each class: the k-th site of a class reads word k mod 4 of block offset + k / 4.</summary>
    public long[] ClassDrawOffsets { get; }

    /// <summary>The bond terms of the energy (each site's right and down term, self-bonds left out), as (i, j) pairs.</summary>
    public IEnumerable<(int From, int To)> BondTerms()
    {
        for (var site = 0; site < Sites; site++)
        {
            if (Neighbours[site * Slots] != Sites) yield return (site, Neighbours[site * Slots]);
            if (Neighbours[site * Slots + 2] != Sites) yield return (site, Neighbours[site * Slots + 2]);
        }
    }

    private int Neighbour(int site, int row, int column, bool periodic)
    {
        if (!periodic && (row < 0 || row >= Rows || column < 0 || column >= Columns)) return Sites;
        var neighbour = (row + Rows) % Rows * Columns + (column + Columns) % Columns;
        return neighbour == site ? Sites : neighbour;
    }

    private int[] GreedyColours()
    {
        var colours = new int[Sites];
        Array.Fill(colours, -1);
        Span<bool> used = stackalloc bool[Slots + 1];
        for (var site = 0; site < Sites; site++)
        {
            used.Clear();
            for (var slot = 0; slot < Slots; slot++)
            {
                var neighbour = Neighbours[site * Slots + slot];
                if (neighbour != Sites && colours[neighbour] >= 0) used[colours[neighbour]] = true;
            }

            var colour = 0;
            while (used[colour]) colour++;
            colours[site] = colour;
        }

        return colours;
    }
}
