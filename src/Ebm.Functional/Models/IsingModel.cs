using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The Ising model on an L x M square lattice of spins s_i in {-1,+1}:
/// E(s) = -J sum_i (s_i s_right(i) + s_i s_down(i)) - h sum_i s_i.
/// </summary>
/// <remarks>
/// The bond sum runs over each site's right and down neighbour, so a periodic lattice has 2N bond
/// terms; on a periodic lattice of side 2 that counts a pair twice, as Kaufman's (1949) formula does.
/// Sites are numbered row-major: site i = r * Columns + c. Construct with <see cref="Create"/>.
/// </remarks>
public sealed partial record IsingModel : IEnergyModel
{
    private IsingModel(int rows, int columns, double coupling, double field, Boundary boundary)
    {
        Rows = rows;
        Columns = columns;
        Coupling = coupling;
        Field = field;
        Boundary = boundary;
    }

    /// <summary>Lattice rows L.</summary>
    public int Rows { get; }

    /// <summary>Lattice columns M.</summary>
    public int Columns { get; }

    /// <summary>Coupling J (J &gt; 0 ferromagnetic).</summary>
    public double Coupling { get; }

    /// <summary>External field h.</summary>
    public double Field { get; }

    /// <summary>Periodic or open.</summary>
    public Boundary Boundary { get; }

    /// <inheritdoc />
    public string Kind => "ising";

    /// <inheritdoc />
    public int Dimension => Rows * Columns;

    /// <inheritdoc />
    public StateConvention States => StateConvention.Spin;

    /// <summary>Validates and builds a lattice; every problem is reported.</summary>
    public static Validation<Error, IsingModel> Create(int rows, int columns, double coupling, double field, Boundary boundary)
    {
        var errors = new List<Error>();
        if (rows < 1) errors.Add(ModelErrors.InvalidField("rows", $"must be at least 1, got {rows}"));
        if (columns < 1) errors.Add(ModelErrors.InvalidField("columns", $"must be at least 1, got {columns}"));
        if (rows > ModelLimits.MaxLatticeSide) errors.Add(ModelErrors.TooLarge("rows", rows, ModelLimits.MaxLatticeSide));
        if (columns > ModelLimits.MaxLatticeSide) errors.Add(ModelErrors.TooLarge("columns", columns, ModelLimits.MaxLatticeSide));
        FieldChecks.Finite(errors, "coupling", coupling);
        FieldChecks.Finite(errors, "field", field);
        return FieldChecks.Result(errors, () => new IsingModel(rows, columns, coupling, field, boundary));
    }
}
