using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A discrete model built from an energy function E(x) over {0,1}^n or {-1,+1}^n: local fields, flip energy
/// changes and batch energies are derived from E, and each can be replaced by a faster function of the user's.
/// </summary>
/// <remarks>
/// <para>Every function of binary units is affine in each unit, so two energies define the local field exactly:
/// f_i = (E(x_i = low) - E(x_i = high)) / (high - low), and the flip change is E(x with unit i flipped) - E(x)
/// (the sign convention of <see cref="IDiscreteModel"/>). Derived, each costs two evaluations of E (one of them on a
/// copy of the state); a given field gives the flip change as -f_i (x_i' - x_i) and a given
/// flip change gives the field as -dE / (x_i' - x_i), so supplying either makes both fast. Batch energies default to
/// E of each row. Example (spins, n = 2, E(x) = -x_0 x_1): f_0 at x = (+1, +1) is (E(-1, +1) - E(+1, +1)) / 2 = 1,
/// and flipping unit 0 changes E by 2.</para>
/// <para>The functions must be pure and safe to call from several threads at once (samplers run chains in
/// parallel). <see cref="ModelContract.Check{TModel}(Prng.RngKey, TModel, ContractSettings?)"/> tells whether
/// supplied functions agree with the energy. A state of the wrong length is a programmer error and throws.</para>
/// <example><code>
/// // A 3-body ring of 8 spins: E(s) = -sum_i s_i s_{i+1} s_{i+2}.
/// Validation&lt;Error, DiscreteEnergyModel&gt; ring = DiscreteEnergyModel.Create(8, StateConvention.Spin,
///     s =&gt; { var e = 0.0; for (var i = 0; i &lt; 8; i++) e -= s[i] * s[(i + 1) % 8] * s[(i + 2) % 8]; return e; });
/// </code></example>
/// </remarks>
public sealed record DiscreteEnergyModel : IDiscreteModel
{
    /// <summary>States up to this many units are copied on the stack when a field or flip is derived.</summary>
    private const int StackUnits = 256;

    private readonly Func<ReadOnlySpan<double>, double> _energy;
    private readonly Func<Mat, Vec>? _energies;
    private readonly Func<ReadOnlySpan<double>, int, double>? _localField;
    private readonly Func<ReadOnlySpan<double>, int, double>? _flipEnergyChange;

    private DiscreteEnergyModel(
        int dimension, StateConvention states, string kind, Func<ReadOnlySpan<double>, double> energy,
        Func<Mat, Vec>? energies, Func<ReadOnlySpan<double>, int, double>? localField, Func<ReadOnlySpan<double>, int, double>? flipEnergyChange)
    {
        Dimension = dimension;
        States = states;
        Kind = kind;
        _energy = energy;
        _energies = energies;
        _localField = localField;
        _flipEnergyChange = flipEnergyChange;
    }

    /// <inheritdoc />
    public string Kind { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public StateConvention States { get; }

    /// <summary>
    /// Validates and builds the model: <paramref name="dimension"/> must be positive and <paramref name="kind"/>
    /// (the name error messages use) not blank. The optional functions replace the derived ones; each must agree
    /// with <paramref name="energy"/> (see <see cref="ModelContract"/>).
    /// </summary>
    /// <param name="dimension">Number of units n.</param>
    /// <param name="states">Whether units take 0 and 1 or -1 and +1.</param>
    /// <param name="energy">E(x) of one state of length n.</param>
    /// <param name="energies">E of every row of an N x n batch (default: <paramref name="energy"/> per row).</param>
    /// <param name="localField">The local field f_i(x) (default: derived from the flip change, else from two energies).</param>
    /// <param name="flipEnergyChange">E(x with unit i flipped) - E(x) (default: derived from the field, else from two energies).</param>
    /// <param name="kind">The model's name in messages.</param>
    public static Validation<Error, DiscreteEnergyModel> Create(
        int dimension,
        StateConvention states,
        Func<ReadOnlySpan<double>, double> energy,
        Func<Mat, Vec>? energies = null,
        Func<ReadOnlySpan<double>, int, double>? localField = null,
        Func<ReadOnlySpan<double>, int, double>? flipEnergyChange = null,
        string kind = "discrete-energy")
    {
        ArgumentNullException.ThrowIfNull(energy);
        var errors = new List<Error>();
        if (dimension < 1) errors.Add(ModelErrors.InvalidField("dimension", $"= {dimension}, expected at least one unit"));
        if (!Enum.IsDefined(states)) errors.Add(ModelErrors.InvalidField("states", $"= {(int)states}, expected Binary or Spin"));
        if (string.IsNullOrWhiteSpace(kind)) errors.Add(ModelErrors.InvalidField("kind", "is blank, expected a name for messages"));
        return FieldChecks.Result(errors, () => new DiscreteEnergyModel(dimension, states, kind, energy, energies, localField, flipEnergyChange));
    }

    /// <summary>True when the local field is derived (no <c>localField</c> function was given).</summary>
    public bool DerivesLocalField => _localField is null;

    /// <summary>True when the flip change is derived (no <c>flipEnergyChange</c> function was given).</summary>
    public bool DerivesFlipEnergyChange => _flipEnergyChange is null;

    /// <summary>E(x) of one state, by the given energy function.</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        RequireLength(state.Length);
        return _energy(state);
    }

    /// <summary>E of every row of <paramref name="states"/>: the given batch function, or <see cref="Energy"/> per row.</summary>
    public Vec Energies(Mat states)
    {
        ArgumentNullException.ThrowIfNull(states);
        RequireLength(states.Columns);
        if (_energies is not null) return _energies(states);
        return Vec.Create(states.Rows, destination =>
        {
            for (var row = 0; row < states.Rows; row++) destination[row] = _energy(states.Row(row));
        });
    }

    /// <summary>E(x with unit <paramref name="site"/> flipped) - E(x): given, from the given field, or from two energies.</summary>
    public double FlipEnergyChange(ReadOnlySpan<double> state, int site)
    {
        RequireSite(state.Length, site);
        if (_flipEnergyChange is not null) return _flipEnergyChange(state, site);
        if (_localField is not null) return -_localField(state, site) * (Flipped(state[site]) - state[site]);
        Span<double> copy = Dimension <= StackUnits ? stackalloc double[Dimension] : new double[Dimension];
        state.CopyTo(copy);
        copy[site] = Flipped(state[site]);
        return _energy(copy) - _energy(state);
    }

    /// <summary>The local field f_i: given, from the given flip change, or (E(x_i = low) - E(x_i = high)) / (high - low).</summary>
    public double LocalField(ReadOnlySpan<double> state, int site)
    {
        RequireSite(state.Length, site);
        if (_localField is not null) return _localField(state, site);
        if (_flipEnergyChange is not null) return -_flipEnergyChange(state, site) / (Flipped(state[site]) - state[site]);
        var (low, high) = Levels(States);
        Span<double> copy = Dimension <= StackUnits ? stackalloc double[Dimension] : new double[Dimension];
        state.CopyTo(copy);
        copy[site] = low;
        var lowEnergy = _energy(copy);
        copy[site] = high;
        return (lowEnergy - _energy(copy)) / (high - low);
    }

    /// <summary>The low and high value of a unit under <paramref name="states"/>.</summary>
    internal static (double Low, double High) Levels(StateConvention states) =>
        states == StateConvention.Binary ? (0.0, 1.0) : (-1.0, 1.0);

    private double Flipped(double value) => States == StateConvention.Binary ? 1.0 - value : -value;

    private void RequireLength(int length)
    {
        if (length != Dimension) throw new ArgumentException($"a state of {Kind} has {Dimension} units, got {length}");
    }

    private void RequireSite(int length, int site)
    {
        RequireLength(length);
        ArgumentOutOfRangeException.ThrowIfNegative(site);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(site, Dimension);
    }
}
