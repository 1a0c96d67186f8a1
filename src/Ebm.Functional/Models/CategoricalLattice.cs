namespace Ebm.Functional.Models;

/// <summary>
/// The bond and site sums shared by the categorical lattice models: E(s) = -J sum_bonds pair(s_i, s_j) - h sum_i single(s_i),
/// with the bonds of <see cref="IsingModel"/> (each site's right and down neighbour, periodic or open).
/// </summary>
/// <remarks>
/// The bond convention is the Ising model's on purpose, so that a q = 2 Potts or clock model maps onto an Ising model
/// bond for bond (a periodic side of 2 counts its pair twice, a periodic side of 1 couples a site to itself).
/// </remarks>
internal static class CategoricalLattice
{
    /// <summary>sum over bonds of pair(s_i, s_j).</summary>
    public static double BondSum(int rows, int columns, Boundary boundary, ReadOnlySpan<double> state, Func<int, int, double> pair)
    {
        var periodic = boundary == Boundary.Periodic;
        var sum = 0.0;
        for (var row = 0; row < rows; row++)
        {
            var below = row + 1 < rows ? row + 1 : periodic ? 0 : -1;
            for (var column = 0; column < columns; column++)
            {
                var value = (int)state[row * columns + column];
                var right = column + 1 < columns ? column + 1 : periodic ? 0 : -1;
                if (right >= 0) sum += pair(value, (int)state[row * columns + right]);
                if (below >= 0) sum += pair(value, (int)state[below * columns + column]);
            }
        }

        return sum;
    }

    /// <summary>sum_i single(s_i).</summary>
    public static double SiteSum(ReadOnlySpan<double> state, Func<int, double> single)
    {
        var sum = 0.0;
        foreach (var value in state) sum += single((int)value);
        return sum;
    }

    /// <summary>
    /// E(s with s_site = value) - E(s), from the site's bonds only: the bond terms that touch the site (a doubled neighbour
    /// counted twice, the site's own bond on a periodic side of 1 included) before and after, and the site term.
    /// </summary>
    public static double ChangeEnergy(
        int rows, int columns, Boundary boundary, double coupling, double field, ReadOnlySpan<double> state, int site, int value,
        Func<int, int, double> pair, Func<int, double> single)
    {
        var old = (int)state[site];
        if (old == value) return 0.0;
        int row = Math.DivRem(site, columns, out var column);
        var periodic = boundary == Boundary.Periodic;

        // The bond terms that touch the site: (site, right) and (site, down) from it, (left, site) and (up, site) into it.
        Span<(int From, int To)> terms = stackalloc (int, int)[4];
        var count = 0;
        if (column + 1 < columns || periodic) terms[count++] = (site, row * columns + (column + 1) % columns);
        if (row + 1 < rows || periodic) terms[count++] = (site, (row + 1) % rows * columns + column);
        var left = row * columns + (column + columns - 1) % columns;
        var up = (row + rows - 1) % rows * columns + column;
        if ((column > 0 || periodic) && left != site) terms[count++] = (left, site);
        if ((row > 0 || periodic) && up != site) terms[count++] = (up, site);

        double before = 0.0, after = 0.0;
        foreach (var (from, to) in terms[..count])
        {
            var a = from == site ? old : (int)state[from];
            var b = to == site ? old : (int)state[to];
            before += pair(a, b);
            after += pair(from == site ? value : a, to == site ? value : b);
        }

        return -coupling * (after - before) - field * (single(value) - single(old));
    }

    /// <summary>Throws unless the state has <paramref name="sites"/> values, each an integer in 0..levels-1.</summary>
    public static void CheckState(string kind, int sites, int levels, ReadOnlySpan<double> state)
    {
        if (state.Length != sites) throw new ArgumentException($"a {kind} state of this lattice has {sites} units, got {state.Length}");
        for (var i = 0; i < state.Length; i++)
        {
            var value = state[i];
            if (!(value >= 0 && value < levels && value == Math.Floor(value)))
                throw new ArgumentException($"unit {i} of a {kind} state is {value}, not one of 0..{levels - 1}");
        }
    }
}
