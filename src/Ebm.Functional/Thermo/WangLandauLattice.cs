using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The Ising, Potts and clock lattices in one integer form for Wang-Landau walkers and exact counts: units take
/// values 0..q-1, each bond term adds the integer Pair[a, b] to a bond sum B and each unit the integer Single[a] to a
/// field sum M, and E = -(J B + h M) / Scale.
/// </summary>
/// <remarks>
/// <para>Ising: value 0 is spin +1 and 1 is spin -1, Pair = s_a s_b, Single = s_a, Scale 1. Potts: Pair = delta(a, b),
/// Single = delta(a, 0), Scale 1. Clock with q in {2, 3, 4, 6}: Pair = 2 cos(theta_a - theta_b) and Single = 2 cos(theta_a),
/// both integers for these q, Scale 2; for other q the cosines are irrational, the energies fill no grid, and the
/// clock is refused. Integer sums never drift, and every energy is exact.</para>
/// <para>A bin is one value of B (h = 0) or of the pair (B, M) (h != 0), so the spectrum is exact whatever J and h
/// are; bins of equal energy are merged when the walkers are combined. A zero coupling drops B from the bin.</para>
/// <para>Bonds are the models' own (each site's right and down neighbour, periodic or open): a site's neighbour list
/// counts a doubled neighbour (periodic side 2) twice and skips the site itself (periodic side 1, a constant term).</para>
/// </remarks>
internal sealed class WangLandauLattice
{
    /// <summary>Most bins a lattice walker holds.</summary>
    public const long MaxBins = 1 << 22;

    private WangLandauLattice(string model, int rows, int columns, Boundary boundary, int levels, int[] pair, int[] single,
        double coupling, double field, double scale)
    {
        Model = model;
        Sites = rows * columns;
        Levels = levels;
        Pair = pair;
        Single = single;
        Coupling = coupling;
        Field = field;
        Scale = scale;
        (Neighbours, NeighbourCounts) = NeighbourLists(rows, columns, boundary);
        BondTerms = boundary == Boundary.Periodic ? 2L * Sites : (long)(rows - 1) * columns + (long)rows * (columns - 1);
        SelfBonds = boundary == Boundary.Periodic ? (rows == 1 ? Sites : 0) + (columns == 1 ? Sites : 0) : 0;
        UseBond = coupling != 0;
        UseField = field != 0;
        BondMin = (int)(BondTerms * pair.Min());
        BondCount = UseBond ? (long)(BondTerms * (pair.Max() - pair.Min())) + 1 : 1;
        FieldMin = Sites * single.Min();
        FieldCount = UseField ? (long)Sites * (single.Max() - single.Min()) + 1 : 1;
        Rows = rows;
        Columns = columns;
        Boundary = boundary;
    }

    public string Model { get; }

    public int Rows { get; }

    public int Columns { get; }

    public Boundary Boundary { get; }

    public int Sites { get; }

    public int Levels { get; }

    public int[] Pair { get; }

    public int[] Single { get; }

    public double Coupling { get; }

    public double Field { get; }

    public double Scale { get; }

    /// <summary>Neighbours of site i at 4 i .. 4 i + NeighbourCounts[i] - 1.</summary>
    public int[] Neighbours { get; }

    public int[] NeighbourCounts { get; }

    public long BondTerms { get; }

    /// <summary>Bond terms that join a site to itself (a periodic side of 1): constant, left out of the neighbour lists.</summary>
    public int SelfBonds { get; }

    public bool UseBond { get; }

    public bool UseField { get; }

    public int BondMin { get; }

    public long BondCount { get; }

    public int FieldMin { get; }

    public long FieldCount { get; }

    public long Bins => BondCount * FieldCount;

    /// <summary>log of the number of states, N log q.</summary>
    public double LogStates => Sites * Math.Log(Levels);

    /// <summary>The integer form of an Ising, Potts or clock model; None for any other model.</summary>
    public static Option<Fin<WangLandauLattice>> Of(IEnergyModel model) => model switch
    {
        IsingModel m => Some(FinSucc(new WangLandauLattice(Describe(m.Kind, m.Rows, m.Columns), m.Rows, m.Columns, m.Boundary, 2,
            [1, -1, -1, 1], [1, -1], m.Coupling, m.Field, 1.0))),
        PottsModel m => Some(FinSucc(new WangLandauLattice(Describe(m.Kind, m.Rows, m.Columns), m.Rows, m.Columns, m.Boundary, m.Levels,
            Table(m.Levels, (a, b) => a == b ? 1 : 0), Enumerable.Range(0, m.Levels).Select(a => a == 0 ? 1 : 0).ToArray(), m.Coupling, m.Field, 1.0))),
        ClockModel m => Some(Clock(m)),
        _ => None,
    };

    /// <summary>E = -(J B + h M) / Scale of bin <paramref name="bin"/>.</summary>
    public double Energy(long bin)
    {
        var bond = UseBond ? BondMin + bin / FieldCount : 0;
        var field = UseField ? FieldMin + bin % FieldCount : 0;
        // + 0.0 turns the -0 of a zero sum into 0, so a printed spectrum shows no "-0".
        return -(Coupling * bond + Field * field) / Scale + 0.0;
    }

    /// <summary>The bin of the sums (B, M).</summary>
    public int Bin(int bond, int field) =>
        (int)((UseBond ? bond - BondMin : 0) * FieldCount + (UseField ? field - FieldMin : 0));

    /// <summary>(B, M) of a state of values 0..q-1, self bonds included.</summary>
    public (int Bond, int Field) Sums(ReadOnlySpan<byte> state)
    {
        var bond = 0;
        var field = 0;
        for (var site = 0; site < Sites; site++)
        {
            var a = state[site];
            field += Single[a];
            int row = Math.DivRem(site, Columns, out var column);
            if (column + 1 < Columns || Boundary == Boundary.Periodic) bond += Pair[a * Levels + state[row * Columns + (column + 1) % Columns]];
            if (row + 1 < Rows || Boundary == Boundary.Periodic) bond += Pair[a * Levels + state[(row + 1) % Rows * Columns + column]];
        }

        return (bond, field);
    }

    private static Fin<WangLandauLattice> Clock(ClockModel m)
    {
        // 2 cos(2 pi k / q) is an integer for every k exactly when q is 2, 3, 4 or 6 (Niven's theorem).
        if (m.Levels is not (2 or 3 or 4 or 6))
            return WangLandauErrors.NotApplicable(Describe(m.Kind, m.Rows, m.Columns),
                $"the {m.Levels}-state clock model's energies are sums of irrational cosines that fill no energy grid; Wang-Landau bins clock models with q = 2, 3, 4 or 6");
        var twice = Enumerable.Range(0, m.Levels).Select(k => (int)Math.Round(2.0 * m.CosineOf(k))).ToArray();
        return new WangLandauLattice(Describe(m.Kind, m.Rows, m.Columns), m.Rows, m.Columns, m.Boundary, m.Levels,
            Table(m.Levels, (a, b) => twice[((a - b) % m.Levels + m.Levels) % m.Levels]), twice, m.Coupling, m.Field, 2.0);
    }

    private static int[] Table(int levels, Func<int, int, int> pair)
    {
        var table = new int[levels * levels];
        for (var a = 0; a < levels; a++)
        for (var b = 0; b < levels; b++)
            table[a * levels + b] = pair(a, b);
        return table;
    }

    private static (int[] Neighbours, int[] Counts) NeighbourLists(int rows, int columns, Boundary boundary)
    {
        var sites = rows * columns;
        var neighbours = new int[4 * sites];
        var counts = new int[sites];
        var periodic = boundary == Boundary.Periodic;
        for (var site = 0; site < sites; site++)
        {
            int row = Math.DivRem(site, columns, out var column);
            Span<(bool Present, int Site)> candidates =
            [
                (column + 1 < columns || periodic, row * columns + (column + 1) % columns),
                (column > 0 || periodic, row * columns + (column + columns - 1) % columns),
                (row + 1 < rows || periodic, (row + 1) % rows * columns + column),
                (row > 0 || periodic, (row + rows - 1) % rows * columns + column),
            ];
            foreach (var (present, neighbour) in candidates)
            {
                if (present && neighbour != site) neighbours[4 * site + counts[site]++] = neighbour;
            }
        }

        return (neighbours, counts);
    }

    private static string Describe(string kind, int rows, int columns) => $"the {rows} x {columns} {kind} lattice";
}
