using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Models;

/// <summary>
/// Checks that a model agrees with its own energy: batch energies, flip changes and local fields of a discrete
/// model, batch energies and the gradient of a continuous one, on random states from a key.
/// </summary>
/// <remarks>
/// <para>Every fast path of a model is a claim about its energy E; a sampler trusts the claim and samples the wrong
/// distribution when it is false, silently. The check recomputes each claim from E alone:</para>
/// <list type="bullet">
/// <item>Energies(X)_r = Energy(X_r) for each row;</item>
/// <item>FlipEnergyChange(x, i) = E(x with unit i flipped) - E(x);</item>
/// <item>LocalField(x, i) = (E(x_i = low) - E(x_i = high)) / (high - low), the sign convention of <see cref="IDiscreteModel"/>;</item>
/// <item>EnergyGradient(x)_i = the fourth-order central difference of E (accurate to about 3e-13 of the energy's
/// scale for energies that vary on scales of order one, see <see cref="ContractSettings.GradientTolerance"/>).</item>
/// </list>
/// <para>Each member that disagrees anywhere gives one error (<see cref="ModelErrors.InconsistentCode"/>) saying in how
/// many cases, and showing the largest difference with its state, site and both values, so every inconsistency is
/// listed at once. A member that throws, and an energy that is NaN or -infinity, count as inconsistent too; an energy of
/// +infinity is a forbidden state and is skipped. Discrete states are uniform over the unit values
/// (key.UniformAt(r n + i) &lt; 1/2 gives the high value); continuous points are N(0, PointScale^2) per coordinate
/// (key.NormalAt(r d + i)). The cost is n + 1 energy evaluations per discrete state (plus a field and a flip per unit) and 4 d + 1 per continuous point.</para>
/// <example><code>
/// Validation&lt;Error, DiscreteEnergyModel&gt; checkedRing =
///     from ring in DiscreteEnergyModel.Create(8, StateConvention.Spin, TripletEnergy, localField: TripletField)
///     from consistent in ModelContract.Check(RngKey.FromSeed(7), ring)
///     select consistent;
/// </code></example>
/// </remarks>
public static class ModelContract
{
    /// <summary>
    /// <paramref name="model"/> when it agrees with its energy on <see cref="ContractSettings.States"/> random states drawn
    /// from <paramref name="key"/>, else every inconsistency (one error per member).
    /// </summary>
    public static Validation<Error, TModel> Check<TModel>(RngKey key, TModel model, ContractSettings? settings = null) where TModel : IEnergyModel
    {
        ArgumentNullException.ThrowIfNull(model);
        settings ??= ContractSettings.Default;
        settings.Validate();
        return Shape(model) is { } problem
            ? Fail<Error, TModel>(problem)
            : CheckAt(model, RandomStates(key, model, settings), settings);
    }

    /// <summary>
    /// <paramref name="model"/> when it agrees with its energy at each row of <paramref name="states"/> (states of a discrete
    /// model hold its unit values; points of a continuous model any numbers), else every inconsistency.
    /// </summary>
    public static Validation<Error, TModel> CheckAt<TModel>(TModel model, Mat states, ContractSettings? settings = null) where TModel : IEnergyModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(states);
        settings ??= ContractSettings.Default;
        settings.Validate();
        if (Shape(model) is { } problem) return Fail<Error, TModel>(problem);
        if (StatesProblem(model, states) is { } invalid) return Fail<Error, TModel>(invalid);
        var errors = model is IDiscreteModel discrete
            ? DiscreteContract.Check(discrete, states, settings)
            : ContinuousContract.Check((IContinuousModel)model, states, settings);
        return errors.Count == 0 ? Success<Error, TModel>(model) : Fail<Error, TModel>(errors.ToSeq());
    }

    /// <summary>The states <see cref="Check{TModel}"/> draws: uniform unit values, or N(0, PointScale^2) coordinates.</summary>
    public static Mat RandomStates(RngKey key, IEnergyModel model, ContractSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        settings.Validate();
        var n = model.Dimension;
        return Mat.Create(settings.States, n, destination =>
        {
            if (model is IDiscreteModel discrete)
            {
                var (low, high) = DiscreteEnergyModel.Levels(discrete.States);
                for (var j = 0; j < destination.Length; j++) destination[j] = key.UniformAt(j) < 0.5 ? high : low;
            }
            else
            {
                key.Normal(destination);
                for (var j = 0; j < destination.Length; j++) destination[j] *= settings.PointScale;
            }
        });
    }

    /// <summary>Why the model cannot be checked at all: no energy interface the contract covers, or no variables.</summary>
    private static Error? Shape(IEnergyModel model)
    {
        if (model is not (IDiscreteModel or IContinuousModel))
            return ModelErrors.InvalidField("model", $"{model.Kind} is neither an IDiscreteModel nor an IContinuousModel, the two kinds the contract covers");
        return model.Dimension < 1 ? ModelErrors.InvalidField("model", $"{model.Kind} has dimension {model.Dimension}, expected at least 1") : null;
    }

    /// <summary>Why the given states do not fit the model: the wrong width, no rows, or a value that is not a unit value.</summary>
    private static Error? StatesProblem(IEnergyModel model, Mat states)
    {
        if (states.Columns != model.Dimension)
            return ModelErrors.InvalidField("states", $"has {states.Columns} columns, expected the dimension {model.Dimension} of {model.Kind}");
        if (states.Rows < 1) return ModelErrors.InvalidField("states", "has no rows, expected at least one state");
        if (model is not IDiscreteModel discrete) return null;
        var (low, high) = DiscreteEnergyModel.Levels(discrete.States);
        for (var r = 0; r < states.Rows; r++)
        for (var i = 0; i < states.Columns; i++)
            if (states[r, i] != low && states[r, i] != high)
                return ModelErrors.InvalidField("states", $"entry [{r}][{i}] = {ContractTally.Number(states[r, i])}, expected {low} or {high} ({discrete.States} units)");
        return null;
    }
}
