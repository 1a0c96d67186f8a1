using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Optim;

/// <summary>
/// Gradient transformations (Optax-style) over a flat parameter vector. Each constructor checks its
/// hyper-parameters and returns every violated condition as an error value; <see cref="Chain"/> composes
/// transformations left to right. The updates are directions to add to the parameters: a descent step ends with a
/// negative scale (<c>Scale(-lr)</c>), as in <see cref="Optimizers"/>.
/// </summary>
public static class Transforms
{
    /// <summary>u = s · g.</summary>
    /// <returns>The transformation, or <see cref="OptimErrors.NotFinite"/>.</returns>
    public static Validation<Error, GradientTransformation> Scale(double s) =>
        Checks.Finite("scale", s).Map(_ => PureScales.Register(Stateless((g, _) => Checks.Scaled(g, s)), s));

    /// <summary>
    /// A momentum trace: t = g + decay · t_prev (t_0 = 0); the update is t, or g + decay · t with Nesterov's
    /// look-ahead (Sutskever et al. 2013, eq. 3-4, in the form Optax's <c>trace</c> uses).
    /// </summary>
    /// <returns>The transformation, or <see cref="OptimErrors.DecayOutOfRange"/> when decay is outside [0, 1).</returns>
    public static Validation<Error, GradientTransformation> Momentum(double decay, bool nesterov = false) =>
        Checks.Decay("momentum decay", decay).Map(_ => new GradientTransformation(
            p => TransformState.Empty with { Buffers = Seq1(Vec.Zeros(p.Length)) },
            (g, state, p) => Checks.SameLength(p, g, state.Buffers, 1).Map(_ =>
            {
                var trace = Checks.Zip(g, state.Buffers[0], (gi, ti) => gi + decay * ti);
                var update = nesterov ? Checks.Zip(g, trace, (gi, ti) => gi + decay * ti) : trace;
                return (update, state with { Count = state.Count + 1, Buffers = Seq1(trace) });
            })));

    /// <summary>
    /// Adam's rescaling (Kingma &amp; Ba 2015, Algorithm 1): m = b1 · m + (1 - b1) · g, v = b2 · v + (1 - b2) · g²,
    /// u = m̂ / (√v̂ + eps) with the bias corrections m̂ = m / (1 - b1^t), v̂ = v / (1 - b2^t) at step t = 1, 2, ...
    /// (no learning rate: chain it with <see cref="Scale"/>).
    /// </summary>
    /// <returns>The transformation, or the errors of every invalid argument (b1, b2 outside [0, 1), eps not &gt; 0).</returns>
    public static Validation<Error, GradientTransformation> ScaleByAdam(double b1 = 0.9, double b2 = 0.999, double eps = 1e-8) =>
        (Checks.Decay("b1", b1), Checks.Decay("b2", b2), Checks.Positive("eps", eps)).Apply((_, _, _) => new GradientTransformation(
            p => TransformState.Empty with { Buffers = Seq(Vec.Zeros(p.Length), Vec.Zeros(p.Length)) },
            (g, state, p) => Checks.SameLength(p, g, state.Buffers, 2).Map(_ =>
            {
                var t = state.Count + 1;
                var m = Checks.Zip(state.Buffers[0], g, (mi, gi) => b1 * mi + (1 - b1) * gi);
                var v = Checks.Zip(state.Buffers[1], g, (vi, gi) => b2 * vi + (1 - b2) * gi * gi);
                var mCorrection = 1 - Math.Pow(b1, t);
                var vCorrection = 1 - Math.Pow(b2, t);
                var update = Checks.Zip(m, v, (mi, vi) => mi / mCorrection / (Math.Sqrt(vi / vCorrection) + eps));
                return (update, state with { Count = t, Buffers = Seq(m, v) });
            })));

    /// <summary>
    /// Decoupled weight decay (Loshchilov &amp; Hutter 2019, AdamW): u + wd · θ, placed after Adam's rescaling and
    /// before the learning rate, so the decay is not rescaled by the second moment.
    /// </summary>
    /// <returns>The transformation, or <see cref="OptimErrors.Negative"/>.</returns>
    public static Validation<Error, GradientTransformation> AddDecayedWeights(double weightDecay) =>
        Checks.NonNegative("weight decay", weightDecay).Map(_ => Stateless((u, p) => Checks.Zip(u, p, (ui, pi) => ui + weightDecay * pi)));

    /// <summary>The gradient of the L2 penalty (λ/2)·‖θ‖² added to the gradient: g + λ · θ (place it first in a chain).</summary>
    /// <returns>The transformation, or <see cref="OptimErrors.Negative"/>.</returns>
    public static Validation<Error, GradientTransformation> L2Penalty(double lambda) =>
        Checks.NonNegative("L2 penalty", lambda).Map(_ => Stateless((g, p) => Checks.Zip(g, p, (gi, pi) => gi + lambda * pi)));

    /// <summary>A subgradient of the L1 penalty λ·‖θ‖₁ added to the gradient: g + λ · sign(θ), with sign(0) = 0.</summary>
    /// <returns>The transformation, or <see cref="OptimErrors.Negative"/>.</returns>
    public static Validation<Error, GradientTransformation> L1Penalty(double lambda) =>
        Checks.NonNegative("L1 penalty", lambda).Map(_ => Stateless((g, p) => Checks.Zip(g, p, (gi, pi) => gi + lambda * Math.Sign(pi))));

    /// <summary>
    /// Clipping by global norm (Pascanu et al. 2013): g · min(1, max / ‖g‖₂), so the updates' Euclidean norm is at
    /// most <paramref name="maxNorm"/> and their direction is kept.
    /// </summary>
    /// <returns>The transformation, or <see cref="OptimErrors.NotPositive"/>.</returns>
    public static Validation<Error, GradientTransformation> ClipByGlobalNorm(double maxNorm) =>
        Checks.Positive("max norm", maxNorm).Map(_ => Stateless((g, _) =>
        {
            var sumOfSquares = 0.0;
            foreach (var x in g.Span) sumOfSquares += x * x;
            var norm = Math.Sqrt(sumOfSquares);
            if (norm <= maxNorm) return g;
            var factor = maxNorm / norm;
            return g.Map(x => x * factor);
        }));

    /// <summary>u = schedule(t) · g, where t is the number of updates before this one (0 at the first).</summary>
    public static GradientTransformation ScaleBySchedule(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new GradientTransformation(
            _ => TransformState.Empty,
            (g, state, p) => Checks.SameLength(p, g, state.Buffers, 0).Map(_ =>
            {
                var s = schedule(state.Count);
                return (g.Map(x => s * x), state with { Count = state.Count + 1 });
            }));
    }

    /// <summary>
    /// The transformations applied one after another, each to the previous one's updates; the state holds each
    /// member's state in order. <c>Chain()</c> is the identity, and chaining is associative.
    /// </summary>
    public static GradientTransformation Chain(params GradientTransformation[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        var members = transforms.ToArray();
        return new GradientTransformation(
            p => TransformState.Empty with { Inner = members.Select(t => t.Init(p)).ToSeq().Strict() },
            (g, state, p) =>
            {
                if (state.Inner.Count != members.Length)
                    return OptimErrors.LengthMismatch("chain state", members.Length, state.Inner.Count);
                var result = Fin<(Vec Updates, Seq<TransformState> States)>.Succ((g, LanguageExt.Seq<TransformState>.Empty));
                for (var i = 0; i < members.Length; i++)
                {
                    var (member, memberState) = (members[i], state.Inner[i]);
                    result = result.Bind(a => member.Update(a.Updates, memberState, p).Map(r => (r.Updates, a.States.Add(r.State))));
                }

                return result.Map(r => (r.Updates, state with { Count = state.Count + 1, Inner = r.States }));
            });
    }

    /// <summary>
    /// <paramref name="inner"/> applied only where <paramref name="mask"/> is non-zero; elsewhere the updates pass
    /// through unchanged (Optax's <c>masked</c>). Weight decay on weights but not biases is
    /// <c>Masked(AddDecayedWeights(w), layout.DecayMask(model))</c>.
    /// </summary>
    public static GradientTransformation Masked(GradientTransformation inner, Vec mask)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(mask);
        return new GradientTransformation(
            p => TransformState.Empty with { Inner = LanguageExt.Seq.create(inner.Init(p)) },
            (g, state, p) =>
            {
                if (state.Inner.Count != 1) return OptimErrors.LengthMismatch("masked state", 1, state.Inner.Count);
                if (mask.Length != g.Length) return OptimErrors.LengthMismatch("mask", g.Length, mask.Length);
                return inner.Update(g, state.Inner[0], p).Map(r =>
                    (Vec.Create(g.Length, d =>
                    {
                        for (var i = 0; i < d.Length; i++) d[i] = mask[i] != 0 ? r.Updates[i] : g[i];
                    }), state with { Count = state.Count + 1, Inner = LanguageExt.Seq.create(r.State) }));
            });
    }

    /// <summary>A transformation without state, after checking the lengths of gradients and parameters.</summary>
    private static GradientTransformation Stateless(Func<Vec, Vec, Vec> f) =>
        new(_ => TransformState.Empty,
            (g, state, p) => Checks.SameLength(p, g, state.Buffers, 0).Map(_ => (f(g, p), state with { Count = state.Count + 1 })));
}
