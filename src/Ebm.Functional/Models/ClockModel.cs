using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The q-state clock model (the planar rotor restricted to q angles theta_k = 2 pi k / q) on an L x M square lattice:
/// E(s) = -J sum_bonds cos(theta_{s_i} - theta_{s_j}) - h sum_i cos(theta_{s_i}), units s_i in {0, ..., q-1}.
/// </summary>
/// <remarks>
/// Bonds are the Ising model's (see <see cref="IsingModel"/>). q = 2 is the Ising model with s = 0 as spin +1, and
/// q = 4 is two independent Ising models at coupling J / 2 (Betts 1964), both checks of the exact methods. Sites are
/// numbered row-major. Construct with <see cref="Create"/>.
/// </remarks>
public sealed record ClockModel : ICategoricalModel
{
    private readonly double[] _cosines;

    private ClockModel(int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        Rows = rows;
        Columns = columns;
        Levels = levels;
        Coupling = coupling;
        Field = field;
        Boundary = boundary;
        _cosines = new double[levels];
        for (var k = 0; k < levels; k++) _cosines[k] = CategoricalTerms.Cosine(k, levels);
    }

    /// <summary>Lattice rows L.</summary>
    public int Rows { get; }

    /// <summary>Lattice columns M.</summary>
    public int Columns { get; }

    /// <summary>q, the number of angles.</summary>
    public int Levels { get; }

    /// <summary>Coupling J (J &gt; 0 ferromagnetic).</summary>
    public double Coupling { get; }

    /// <summary>Field h along angle 0.</summary>
    public double Field { get; }

    /// <summary>Periodic or open.</summary>
    public Boundary Boundary { get; }

    /// <inheritdoc />
    public string Kind => "clock";

    /// <inheritdoc />
    public int Dimension => Rows * Columns;

    /// <summary>Validates and builds a lattice; every problem is reported.</summary>
    public static Validation<Error, ClockModel> Create(int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        var errors = new List<Error>();
        PottsModel.LatticeChecks(errors, rows, columns, levels);
        FieldChecks.Finite(errors, "coupling", coupling);
        FieldChecks.Finite(errors, "field", field);
        if (!Enum.IsDefined(boundary)) errors.Add(ModelErrors.InvalidField("boundary", $"= {(int)boundary}, expected Periodic or Open"));
        return FieldChecks.Result(errors, () => new ClockModel(rows, columns, levels, coupling, field, boundary));
    }

    /// <summary>cos(2 pi k / q) of unit value k (exact 1, 0, -1 at the quarter turns, so q = 2 and 4 map onto Ising exactly).</summary>
    public double CosineOf(int value) => _cosines[value];

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> state)
    {
        CategoricalLattice.CheckState(Kind, Dimension, Levels, state);
        return -Coupling * CategoricalLattice.BondSum(Rows, Columns, Boundary, state, Pair)
               - Field * CategoricalLattice.SiteSum(state, CosineOf);
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
        return CategoricalLattice.ChangeEnergy(Rows, Columns, Boundary, Coupling, Field, state, site, value, Pair, CosineOf);
    }

    /// <summary>Equal when every field of the model is equal (the cosine table follows from q).</summary>
    public bool Equals(ClockModel? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && Levels == other.Levels &&
        Coupling.Equals(other.Coupling) && Field.Equals(other.Field) && Boundary == other.Boundary;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rows, Columns, Levels, Coupling, Field, Boundary);

    private double Pair(int a, int b) => _cosines[((a - b) % Levels + Levels) % Levels];
}
