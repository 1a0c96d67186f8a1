using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A continuous model over R^d built from an energy function E(x), with its gradient when the user has one and
/// a finite-difference gradient otherwise; batch energies default to E of each row.
/// </summary>
/// <remarks>
/// <para>Without a gradient function, dE/dx is the fourth-order central difference
/// (8 (E(x + h e_i) - E(x - h e_i)) - (E(x + 2h e_i) - E(x - 2h e_i))) / (12 h) with h = 7.4e-4 max(1, |x_i|):
/// 4 d evaluations of E per gradient, accurate to about 1e-12 of the size of E and its fifth derivative for an
/// energy that varies on scales of order one (features narrower than h are not resolved; supply the gradient then).
/// Samplers with a Metropolis correction (MALA, HMC) stay exact with it, because the leapfrog and Langevin proposals
/// remain reversible and volume-preserving for any deterministic force and the correction uses E itself; only their
/// acceptance depends on the gradient's accuracy. Unadjusted Langevin carries the gradient's error into its bias,
/// as it carries its step size's.</para>
/// <para>The functions must be pure and safe to call from several threads at once.
/// <see cref="ModelContract.Check{TModel}(Prng.RngKey, TModel, ContractSettings?)"/> compares a given gradient and
/// batch function with the energy. A point of the wrong length is a programmer error and throws.</para>
/// <example><code>
/// // A banana: E(x, y) = (x^2 + (y - x^2)^2 / 0.1) / 2, with its gradient.
/// Validation&lt;Error, ContinuousEnergyModel&gt; banana = ContinuousEnergyModel.Create(2,
///     p =&gt; 0.5 * (p[0] * p[0] + Math.Pow(p[1] - p[0] * p[0], 2) / 0.1),
///     gradient: (p, g) =&gt; { var r = (p[1] - p[0] * p[0]) / 0.1; g[0] = p[0] - 2 * p[0] * r; g[1] = r; });
/// </code></example>
/// </remarks>
public sealed record ContinuousEnergyModel : IContinuousModel
{
    private readonly Func<ReadOnlySpan<double>, double> _energy;
    private readonly Action<ReadOnlySpan<double>, Span<double>>? _gradient;
    private readonly Func<Mat, Vec>? _energies;

    private ContinuousEnergyModel(
        int dimension, string kind, Func<ReadOnlySpan<double>, double> energy,
        Action<ReadOnlySpan<double>, Span<double>>? gradient, Func<Mat, Vec>? energies)
    {
        Dimension = dimension;
        Kind = kind;
        _energy = energy;
        _gradient = gradient;
        _energies = energies;
    }

    /// <inheritdoc />
    public string Kind { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>True when <see cref="EnergyGradient"/> is the finite difference (no gradient function was given).</summary>
    public bool DerivesGradient => _gradient is null;

    /// <summary>
    /// Validates and builds the model: <paramref name="dimension"/> must be positive and <paramref name="kind"/>
    /// (the name error messages use) not blank.
    /// </summary>
    /// <param name="dimension">Number of coordinates d.</param>
    /// <param name="energy">E(x) of one point of length d.</param>
    /// <param name="gradient">Writes dE/dx at a point into a span of length d (default: the finite difference of the remarks).</param>
    /// <param name="energies">E of every row of an N x d batch (default: <paramref name="energy"/> per row).</param>
    /// <param name="kind">The model's name in messages.</param>
    public static Validation<Error, ContinuousEnergyModel> Create(
        int dimension,
        Func<ReadOnlySpan<double>, double> energy,
        Action<ReadOnlySpan<double>, Span<double>>? gradient = null,
        Func<Mat, Vec>? energies = null,
        string kind = "continuous-energy")
    {
        ArgumentNullException.ThrowIfNull(energy);
        var errors = new List<Error>();
        if (dimension < 1) errors.Add(ModelErrors.InvalidField("dimension", $"= {dimension}, expected at least one coordinate"));
        if (string.IsNullOrWhiteSpace(kind)) errors.Add(ModelErrors.InvalidField("kind", "is blank, expected a name for messages"));
        return FieldChecks.Result(errors, () => new ContinuousEnergyModel(dimension, kind, energy, gradient, energies));
    }

    /// <summary>E(x) of one point, by the given energy function.</summary>
    public double Energy(ReadOnlySpan<double> x)
    {
        RequireLength(x.Length, nameof(x));
        return _energy(x);
    }

    /// <summary>E of every row of <paramref name="xs"/>: the given batch function, or <see cref="Energy"/> per row.</summary>
    public Vec Energies(Mat xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        RequireLength(xs.Columns, nameof(xs));
        if (_energies is not null) return _energies(xs);
        return Vec.Create(xs.Rows, destination =>
        {
            for (var row = 0; row < xs.Rows; row++) destination[row] = _energy(xs.Row(row));
        });
    }

    /// <summary>dE/dx at <paramref name="x"/>: the given gradient function, or the finite difference of the remarks.</summary>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        RequireLength(x.Length, nameof(x));
        RequireLength(gradient.Length, nameof(gradient));
        if (_gradient is not null) _gradient(x, gradient);
        else FiniteDifference.Gradient(_energy, x, gradient);
    }

    private void RequireLength(int length, string name)
    {
        if (length != Dimension) throw new ArgumentException($"has length {length}, expected the dimension {Dimension} of {Kind}", name);
    }
}
