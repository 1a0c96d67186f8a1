using System.Numerics.Tensors;
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
    public static ModelParameters<BernoulliRbm> Parameters { get; } = ScaledDescents<BernoulliRbm>.Register(
        new(
            "bernoulli-rbm",
            ToVector,
            FromVector,
            model => Vec.Create(model.Visible * model.Hidden + model.Visible + model.Hidden, d => d[..(model.Visible * model.Hidden)].Fill(1.0))),
        ScaledStep);

    /// <summary>
    /// Entries per block of <see cref="ScaledStep"/> (32 KB): the block's products are still in the first-level cache when
    /// the sums and the finiteness test read them back, and a block is worth a thread-pool hand-off (a choice of speed only).
    /// </summary>
    private const int ScaledBlock = 4096;

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

    /// <summary>
    /// θ' = θ + s · g straight into the next model's W, b and c, each entry rounded as the general path rounds it (the
    /// product s · g, then the sum), so the bits are those of <c>ApplyUpdates(θ, Scale(s)(g))</c> and
    /// <see cref="FromVector"/>; None when the gradient has the wrong length or an entry is not finite. The blocks run in
    /// parallel (<see cref="Batch.ForEachRange"/>); each entry depends on its own inputs only, so the bits do not depend on the
    /// thread count.
    /// </summary>
    private static Option<BernoulliRbm> ScaledStep(BernoulliRbm model, Vec gradient, double scale)
    {
        int nv = model.Visible, nh = model.Hidden, weights = nv * nh;
        if (gradient.Length != weights + nv + nh) return None;
        var g = gradient.UnsafeArray();
        var w = GC.AllocateUninitializedArray<double>(weights);
        var b = GC.AllocateUninitializedArray<double>(nv);
        var c = GC.AllocateUninitializedArray<double>(nh);
        var theta = model.Weights.UnsafeArray();
        var infinite = 0;
        Batch.ForEachRange(-1, weights, ScaledBlock, (start, end) =>
        {
            if (!AddScaled(theta.AsSpan(start, end - start), g.AsSpan(start, end - start), scale, w.AsSpan(start, end - start)))
                Volatile.Write(ref infinite, 1);
        });
        return infinite == 0
               && AddScaled(model.VisibleBias.Span, g.AsSpan(weights, nv), scale, b)
               && AddScaled(model.HiddenBias.Span, g.AsSpan(weights + nv, nh), scale, c)
            ? Some(BernoulliRbm.FromCheckedLayers(Mat.Wrap(nv, nh, w), Vec.Wrap(b), Vec.Wrap(c)))
            : None;
    }

    /// <summary>destination = θ + s · g, the product rounded before the sum; whether every entry is finite.</summary>
    private static bool AddScaled(ReadOnlySpan<double> theta, ReadOnlySpan<double> g, double scale, Span<double> destination)
    {
        TensorPrimitives.Multiply(g, scale, destination);
        TensorPrimitives.Add(theta, destination, destination);
        return TensorPrimitives.IsFiniteAll<double>(destination);
    }

    private static Vec Concatenate(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> third)
    {
        var values = new double[first.Length + second.Length + third.Length];
        first.CopyTo(values);
        second.CopyTo(values.AsSpan(first.Length));
        third.CopyTo(values.AsSpan(first.Length + second.Length));
        return Vec.From(values);
    }
}
