namespace Ebm.Functional.Models;

/// <summary>
/// A categorical lattice model reduced to integer bookkeeping, shared by the exact methods and the lattice kernels:
/// every bond term falls in one of a few classes and every unit value has a site value, so that
/// E = -J sum_k n_k PairValues[k] - h sum_a c_a SiteValues[a] with n_k the number of bond terms of class k and c_a the
/// number of units with value a, all exact integers.
/// </summary>
/// <remarks>
/// <para>Potts: class 1 for an equal pair (value 1), class 0 otherwise (value 0); site value delta(a, 0). Clock: class
/// min(d, q - d) with d = (a - b) mod q (value cos(2 pi k / q), the same bits as <see cref="ClockModel.CosineOf"/>),
/// site value cos(2 pi a / q).</para>
/// <para>The order parameter of both models is the vector magnetisation M = sum_i (cos theta_i, sin theta_i),
/// theta = 2 pi s / q (for q = 2 it is the Ising magnetisation with s = 0 as spin +1); <see cref="Cosines"/> and
/// <see cref="Sines"/> hold its components per unit value, exact at the quarter turns.</para>
/// </remarks>
internal sealed class CategoricalTerms
{
    private readonly int[] _classes;

    private CategoricalTerms(ICategoricalModel model, int rows, int columns, Boundary boundary, double coupling, double field)
    {
        Rows = rows;
        Columns = columns;
        Boundary = boundary;
        Coupling = coupling;
        Field = field;
        Levels = model.Levels;
        var q = Levels;
        _classes = new int[q * q];
        Cosines = new double[q];
        Sines = new double[q];
        SiteValues = new double[q];
        for (var a = 0; a < q; a++)
        {
            Cosines[a] = Turn(a, q, cosine: true);
            Sines[a] = Turn(a, q, cosine: false);
        }

        if (model is ClockModel clock)
        {
            PairValues = new double[q / 2 + 1];
            for (var k = 0; k < PairValues.Length; k++) PairValues[k] = clock.CosineOf(k);
            for (var a = 0; a < q; a++)
            {
                SiteValues[a] = clock.CosineOf(a);
                for (var b = 0; b < q; b++)
                {
                    var d = ((a - b) % q + q) % q;
                    _classes[a * q + b] = Math.Min(d, q - d);
                }
            }
        }
        else
        {
            PairValues = [0.0, 1.0];
            SiteValues[0] = 1.0;
            for (var a = 0; a < q; a++) _classes[a * q + a] = 1;
        }
    }

    /// <summary>Lattice rows.</summary>
    public int Rows { get; }

    /// <summary>Lattice columns.</summary>
    public int Columns { get; }

    /// <summary>Periodic or open.</summary>
    public Boundary Boundary { get; }

    /// <summary>q.</summary>
    public int Levels { get; }

    /// <summary>J.</summary>
    public double Coupling { get; }

    /// <summary>h.</summary>
    public double Field { get; }

    /// <summary>Sites N.</summary>
    public int Sites => Rows * Columns;

    /// <summary>The value of each bond class (delta or cosine), the factor of -J.</summary>
    public double[] PairValues { get; }

    /// <summary>The value of each unit value in the site term, the factor of -h.</summary>
    public double[] SiteValues { get; }

    /// <summary>cos(2 pi a / q) per unit value a.</summary>
    public double[] Cosines { get; }

    /// <summary>sin(2 pi a / q) per unit value a.</summary>
    public double[] Sines { get; }

    /// <summary>Number of bond classes.</summary>
    public int Classes => PairValues.Length;

    /// <summary>The Potts or clock lattice behind <paramref name="model"/>, for kernels whose callers validated the model.</summary>
    /// <exception cref="ArgumentException">Another categorical model.</exception>
    public static CategoricalTerms Required(ICategoricalModel model) =>
        Of(model) ?? throw new ArgumentException($"a {model.Kind} model is not a Potts or clock lattice", nameof(model));

    /// <summary>The Potts or clock lattice behind <paramref name="model"/>, or null for another categorical model.</summary>
    public static CategoricalTerms? Of(ICategoricalModel model) => model switch
    {
        PottsModel potts => new CategoricalTerms(potts, potts.Rows, potts.Columns, potts.Boundary, potts.Coupling, potts.Field),
        ClockModel clock => new CategoricalTerms(clock, clock.Rows, clock.Columns, clock.Boundary, clock.Coupling, clock.Field),
        _ => null,
    };

    /// <summary>The class of the bond term from a unit of value <paramref name="a"/> to one of value <paramref name="b"/>.</summary>
    public int ClassOf(int a, int b) => _classes[a * Levels + b];

    /// <summary>E from the class counts n_k and the value counts c_a, summed in a fixed order (equal counts, equal bits).</summary>
    public double Energy(ReadOnlySpan<int> classCounts, ReadOnlySpan<int> valueCounts)
    {
        double bonds = 0.0, sites = 0.0;
        for (var k = 0; k < classCounts.Length; k++) bonds += classCounts[k] * PairValues[k];
        for (var a = 0; a < valueCounts.Length; a++) sites += valueCounts[a] * SiteValues[a];
        return -Coupling * bonds - Field * sites;
    }

    /// <summary>
    /// The bond terms of the lattice as (from, to) site pairs, each site's right then down term in row-major order (the
    /// convention of <see cref="CategoricalLattice"/>), self-terms of a periodic side of 1 included.
    /// </summary>
    public (int From, int To)[] BondTerms()
    {
        var terms = new List<(int, int)>();
        var periodic = Boundary == Boundary.Periodic;
        for (var row = 0; row < Rows; row++)
        for (var column = 0; column < Columns; column++)
        {
            var site = row * Columns + column;
            if (column + 1 < Columns || periodic) terms.Add((site, row * Columns + (column + 1) % Columns));
            if (row + 1 < Rows || periodic) terms.Add((site, (row + 1) % Rows * Columns + column));
        }

        return terms.ToArray();
    }

    /// <summary>cos(2 pi a / q), exact at the quarter turns and even in a exactly (the clock model's own cosines).</summary>
    public static double Cosine(int a, int q) => Turn(a, q, cosine: true);

    /// <summary>cos or sin of 2 pi a / q, exact at the quarter turns and odd/even in a exactly.</summary>
    private static double Turn(int a, int q, bool cosine)
    {
        var folded = Math.Min(a, q - a);
        var sign = cosine || a <= q - a ? 1.0 : -1.0;
        if (4 * folded % q == 0)
        {
            var quarter = 4 * folded / q;
            return cosine ? quarter switch { 0 => 1.0, 1 => 0.0, _ => -1.0 } : sign * (quarter == 1 ? 1.0 : 0.0);
        }

        var angle = 2.0 * Math.PI * folded / q;
        return cosine ? Math.Cos(angle) : sign * Math.Sin(angle);
    }
}
