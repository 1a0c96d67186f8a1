using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The q-state Potts model on an L x M square lattice of units s_i in {0, ..., q-1}:
/// E(s) = -J sum_bonds delta(s_i, s_j) - h sum_i delta(s_i, 0).
/// </summary>
/// <remarks>
/// <para>Bonds are the Ising model's (each site's right and down neighbour, periodic or open; see
/// <see cref="IsingModel"/>), so with q = 2 and s = (1 - sigma) / 2, delta(s_i, s_j) = (1 + sigma_i sigma_j) / 2 and the
/// model is an Ising model with coupling J / 2 and field h / 2: log Z_Potts(beta) = log Z_Ising(beta; J/2, h/2) +
/// beta (J B + h N) / 2 with B the number of bond terms. The ferromagnetic (J &gt; 0) transition on the infinite
/// square lattice sits at beta_c J = ln(1 + sqrt q) (Baxter 1973), continuous for q &lt;= 4 and first order for q &gt; 4.
/// Sites are numbered row-major. Construct with <see cref="Create"/>.</para>
/// </remarks>
public sealed record PottsModel : ICategoricalModel
{
    /// <summary>Most states a Potts or clock unit may take (a unit's label fits one byte in the lattice kernels).</summary>
    public const int MaxLevels = 256;

    private PottsModel(int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        Rows = rows;
        Columns = columns;
        Levels = levels;
        Coupling = coupling;
        Field = field;
        Boundary = boundary;
    }

    /// <summary>Lattice rows L.</summary>
    public int Rows { get; }

    /// <summary>Lattice columns M.</summary>
    public int Columns { get; }

    /// <summary>q, the number of states of a unit.</summary>
    public int Levels { get; }

    /// <summary>Coupling J (J &gt; 0 ferromagnetic: equal neighbours lower the energy).</summary>
    public double Coupling { get; }

    /// <summary>Field h on state 0.</summary>
    public double Field { get; }

    /// <summary>Periodic or open.</summary>
    public Boundary Boundary { get; }

    /// <inheritdoc />
    public string Kind => "potts";

    /// <inheritdoc />
    public int Dimension => Rows * Columns;

    /// <summary>Validates and builds a lattice; every problem is reported.</summary>
    public static Validation<Error, PottsModel> Create(int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        var errors = new List<Error>();
        LatticeChecks(errors, rows, columns, levels);
        FieldChecks.Finite(errors, "coupling", coupling);
        FieldChecks.Finite(errors, "field", field);
        if (!Enum.IsDefined(boundary)) errors.Add(ModelErrors.InvalidField("boundary", $"= {(int)boundary}, expected Periodic or Open"));
        return FieldChecks.Result(errors, () => new PottsModel(rows, columns, levels, coupling, field, boundary));
    }

    /// <summary>The checks of sides and q shared with <see cref="ClockModel"/>.</summary>
    internal static void LatticeChecks(List<Error> errors, int rows, int columns, int levels)
    {
        if (rows < 1) errors.Add(ModelErrors.InvalidField("rows", $"must be at least 1, got {rows}"));
        if (columns < 1) errors.Add(ModelErrors.InvalidField("columns", $"must be at least 1, got {columns}"));
        if (rows > ModelLimits.MaxLatticeSide) errors.Add(ModelErrors.TooLarge("rows", rows, ModelLimits.MaxLatticeSide));
        if (columns > ModelLimits.MaxLatticeSide) errors.Add(ModelErrors.TooLarge("columns", columns, ModelLimits.MaxLatticeSide));
        if (levels < 2) errors.Add(ModelErrors.InvalidField("states", $"must be at least 2, got {levels}"));
        if (levels > MaxLevels) errors.Add(ModelErrors.TooLarge("states", levels, MaxLevels));
    }

    /// <summary>Number of bond terms B: 2N on a periodic lattice, (L - 1) M + L (M - 1) on an open one.</summary>
    public long BondTerms => Boundary == Boundary.Periodic ? 2L * Dimension : (long)(Rows - 1) * Columns + (long)Rows * (Columns - 1);

    /// <summary>sum over bonds of delta(s_i, s_j): the number of satisfied bonds, so that E = -J Matches - h Zeros.</summary>
    public double Matches(ReadOnlySpan<double> state)
    {
        CategoricalLattice.CheckState(Kind, Dimension, Levels, state);
        return CategoricalLattice.BondSum(Rows, Columns, Boundary, state, Delta);
    }

    /// <summary>sum_i delta(s_i, 0): the number of units in state 0.</summary>
    public double Zeros(ReadOnlySpan<double> state)
    {
        CategoricalLattice.CheckState(Kind, Dimension, Levels, state);
        return CategoricalLattice.SiteSum(state, ZeroDelta);
    }

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> state)
    {
        CategoricalLattice.CheckState(Kind, Dimension, Levels, state);
        return -Coupling * CategoricalLattice.BondSum(Rows, Columns, Boundary, state, Delta)
               - Field * CategoricalLattice.SiteSum(state, ZeroDelta);
    }

    /// <inheritdoc />
    public Vec Energies(Mat states) => Vec.Create(states.Rows, e =>
    {
        for (var row = 0; row < states.Rows; row++) e[row] = Energy(states.Row(row));
    });

    /// <inheritdoc />
    public double ChangeEnergy(ReadOnlySpan<double> state, int site, int value)
    {
        CategoricalLattice.CheckState(Kind, Dimension, Levels, state);
        if ((uint)site >= (uint)Dimension) throw new ArgumentOutOfRangeException(nameof(site), $"site {site} is outside 0..{Dimension - 1}");
        if ((uint)value >= (uint)Levels) throw new ArgumentOutOfRangeException(nameof(value), $"value {value} is outside 0..{Levels - 1}");
        return CategoricalLattice.ChangeEnergy(Rows, Columns, Boundary, Coupling, Field, state, site, value, Delta, ZeroDelta);
    }

    /// <summary>beta_c = ln(1 + sqrt q) / J, the infinite square lattice's transition (Baxter 1973); NaN unless J &gt; 0.</summary>
    public static double CriticalBeta(int levels, double coupling) =>
        coupling > 0 && levels >= 2 ? Math.Log(1.0 + Math.Sqrt(levels)) / coupling : double.NaN;

    private static double Delta(int a, int b) => a == b ? 1.0 : 0.0;

    private static double ZeroDelta(int a) => a == 0 ? 1.0 : 0.0;
}
