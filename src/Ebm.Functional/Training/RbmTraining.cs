using System.Runtime.CompilerServices;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training a <see cref="BernoulliRbm"/>: its flat parameter layout and its objectives (exact maximum likelihood,
/// CD-k, PCD, tempered SML, pseudolikelihood, ratio matching).
/// </summary>
public static partial class RbmTraining
{
    /// <summary>
    /// The layout W (row-major, nv x nh), then b (nv), then c (nh): nv nh + nv + nh numbers, the order of the
    /// <c>.npz</c> arrays <c>W</c>, <c>b</c>, <c>c</c>. Weight decay acts on W only.
    /// </summary>
    public static ModelParameters<BernoulliRbm> Parameters { get; } = new(
        "bernoulli-rbm",
        ToVector,
        FromVector,
        model => Vec.Create(model.Visible * model.Hidden + model.Visible + model.Hidden, d => d[..(model.Visible * model.Hidden)].Fill(1.0)));

    /// <summary>A gradient record in the layout of <see cref="Parameters"/>.</summary>
    public static Vec Flatten(RbmGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return Concatenate(gradient.Weights.Span, gradient.VisibleBias.Span, gradient.HiddenBias.Span);
    }

    /// <summary>A flat vector in the layout of <see cref="Parameters"/>, cut back into a gradient record shaped like <paramref name="model"/>.</summary>
    public static Fin<RbmGradient> Unflatten(BernoulliRbm model, Vec values)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        int nv = model.Visible, nh = model.Hidden, weights = nv * nh;
        if (values.Length != weights + nv + nh) return FinFail<RbmGradient>(TrainingErrors.ParameterLength("bernoulli-rbm", weights + nv + nh, values.Length));
        var span = values.Span;
        return FinSucc(new RbmGradient(Mat.From(nv, nh, span[..weights]), Vec.From(span.Slice(weights, nv)), Vec.From(span.Slice(weights + nv, nh))));
    }

    /// <summary>
    /// The vector each model built by <see cref="FromVector"/> came from: the trainer asks for the parameters of the model
    /// it built one step before, and the answer is that (immutable) vector instead of a fresh copy of 392,000 numbers for
    /// a 784 x 500 RBM. Keyed by reference, so a model made any other way is flattened as usual.
    /// </summary>
    private static readonly ConditionalWeakTable<BernoulliRbm, Vec> Sources = new();

    private static Vec ToVector(BernoulliRbm model) =>
        Sources.TryGetValue(model, out var source) ? source : Concatenate(model.Weights.Span, model.VisibleBias.Span, model.HiddenBias.Span);

    private static Fin<BernoulliRbm> FromVector(BernoulliRbm model, Vec values) =>
        Unflatten(model, values).Bind(g => BernoulliRbm.Create(g.Weights, g.VisibleBias, g.HiddenBias)
            .Match(built =>
            {
                Sources.AddOrUpdate(built, values);
                return FinSucc(built);
            }, errors => FinFail<BernoulliRbm>(Error.Many(errors))));

    private static Vec Concatenate(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> third)
    {
        var values = new double[first.Length + second.Length + third.Length];
        first.CopyTo(values);
        second.CopyTo(values.AsSpan(first.Length));
        third.CopyTo(values.AsSpan(first.Length + second.Length));
        return Vec.From(values);
    }
}
