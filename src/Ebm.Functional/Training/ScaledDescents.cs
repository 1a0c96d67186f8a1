using System.Runtime.CompilerServices;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// The parameter layouts that can take a plain scaled step θ' = θ + s · g in one pass, straight from a model to the next
/// (no flat parameter vector, no update vector, finiteness checked while writing). The function answers None when it
/// cannot (wrong gradient length, a non-finite result), and the trainer then takes the general path, which gives the
/// same result or the same error. Keyed by reference: a layout copied with <c>with</c> is not recognised.
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
internal static class ScaledDescents<TModel>
{
    private static readonly ConditionalWeakTable<ModelParameters<TModel>, Func<TModel, Vec, double, Option<TModel>>> Steps = new();

    /// <summary>Records <paramref name="step"/> as the one-pass step of <paramref name="parameters"/> and returns the layout.</summary>
    public static ModelParameters<TModel> Register(ModelParameters<TModel> parameters, Func<TModel, Vec, double, Option<TModel>> step)
    {
        Steps.AddOrUpdate(parameters, step);
        return parameters;
    }

    /// <summary>The one-pass step of <paramref name="parameters"/>, when it has one.</summary>
    public static bool TryGet(ModelParameters<TModel> parameters, out Func<TModel, Vec, double, Option<TModel>> step) =>
        Steps.TryGetValue(parameters, out step!);
}
