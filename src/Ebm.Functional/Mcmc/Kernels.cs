using LanguageExt;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// Combinators that build kernels from kernels. Each splits its key so that no sub-kernel sees a key
/// another one used: sub-kernel i of a composite step gets <c>key.FoldIn(i)</c>.
/// </summary>
/// <remarks>
/// A composition of kernels that each leave p invariant leaves p invariant; a composition of reversible
/// kernels is in general not reversible (a fixed-order sequence is not), but a random mixture of
/// reversible kernels is.
/// <para>The infos of <see cref="Sequence{TState,TInfo1,TInfo2}(KernelStep{TState,TInfo1}, KernelStep{TState,TInfo2})"/>,
/// <see cref="Cycle{TState,TInfo}(KernelStep{TState,TInfo}[])"/>, <see cref="Repeat{TState,TInfo}(KernelStep{TState,TInfo}, int)"/>
/// and <see cref="Mixture{TState,TInfo}(IReadOnlyList{double}, IReadOnlyList{KernelStep{TState,TInfo}})"/> keep their
/// parts' infos and report acceptance (the mean over the moves) and numerical failures (the sum) as
/// <see cref="ComposedInfo"/>, so a composed kernel runs wherever a plain one does. Each combinator also takes kernels
/// with their cost (<see cref="CostedKernel{TState,TInfo}"/>) and derives the cost of the composition.</para>
/// </remarks>
public static partial class Kernels
{
    /// <summary>First <paramref name="first"/>, then <paramref name="second"/>; the info is the pair.</summary>
    public static KernelStep<TState, SequenceInfo<TInfo1, TInfo2>> Sequence<TState, TInfo1, TInfo2>(
        KernelStep<TState, TInfo1> first, KernelStep<TState, TInfo2> second) =>
        (key, state) =>
        {
            var (s1, i1) = first(key.FoldIn(0), state);
            var (s2, i2) = second(key.FoldIn(1), s1);
            return (s2, new SequenceInfo<TInfo1, TInfo2>(i1, i2));
        };

    /// <summary>Every kernel of <paramref name="steps"/> once, in order (a deterministic-scan cycle); one info per kernel.</summary>
    public static KernelStep<TState, MovesInfo<TInfo>> Cycle<TState, TInfo>(params KernelStep<TState, TInfo>[] steps)
    {
        if (steps.Length == 0) throw new ArgumentException("a cycle needs at least one kernel", nameof(steps));
        var kernels = (KernelStep<TState, TInfo>[])steps.Clone();
        return (key, state) =>
        {
            var infos = new TInfo[kernels.Length];
            for (var i = 0; i < kernels.Length; i++) (state, infos[i]) = kernels[i](key.FoldIn(i), state);
            return (state, new MovesInfo<TInfo>(infos.ToSeq()));
        };
    }

    /// <summary><paramref name="step"/> applied <paramref name="times"/> times; one info per application.</summary>
    public static KernelStep<TState, MovesInfo<TInfo>> Repeat<TState, TInfo>(KernelStep<TState, TInfo> step, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return (key, state) =>
        {
            var infos = new TInfo[times];
            for (var t = 0; t < times; t++) (state, infos[t]) = step(key.FoldIn(t), state);
            return (state, new MovesInfo<TInfo>(infos.ToSeq()));
        };
    }

    /// <summary>
    /// <paramref name="step"/> applied <paramref name="every"/> times, keeping only the last info: a thinned
    /// chain that records one state in <paramref name="every"/>.
    /// </summary>
    public static KernelStep<TState, TInfo> Thin<TState, TInfo>(KernelStep<TState, TInfo> step, int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        return (key, state) =>
        {
            var (s, info) = step(key.FoldIn(0), state);
            for (var t = 1; t < every; t++) (s, info) = step(key.FoldIn(t), s);
            return (s, info);
        };
    }

    /// <summary>
    /// A random mixture: one of <paramref name="steps"/>, chosen with probabilities proportional to
    /// <paramref name="weights"/> by the step's own uniform draw; the info says which.
    /// </summary>
    public static KernelStep<TState, MixtureInfo<TInfo>> Mixture<TState, TInfo>(
        IReadOnlyList<double> weights, IReadOnlyList<KernelStep<TState, TInfo>> steps)
    {
        if (steps.Count == 0 || weights.Count != steps.Count)
            throw new ArgumentException("a mixture needs one positive weight per kernel", nameof(weights));
        if (weights.Any(w => !(w > 0) || !double.IsFinite(w)))
            throw new ArgumentException("mixture weights must be positive and finite", nameof(weights));
        var total = weights.Sum();
        var cumulative = new double[weights.Count];
        var running = 0.0;
        for (var i = 0; i < weights.Count; i++) cumulative[i] = (running += weights[i]) / total;
        var kernels = steps.ToArray();
        return (key, state) =>
        {
            var u = key.FoldIn(0).UniformAt(0);
            var chosen = Array.FindIndex(cumulative, c => u < c);
            if (chosen < 0) chosen = kernels.Length - 1;
            var (s, info) = kernels[chosen](key.FoldIn(1), state);
            return (s, new MixtureInfo<TInfo>(chosen, info));
        };
    }

    /// <summary>The same kernel with its info mapped, e.g. to a common info type before a <see cref="Cycle{TState,TInfo}(KernelStep{TState,TInfo}[])"/>.</summary>
    public static KernelStep<TState, TOut> MapInfo<TState, TInfo, TOut>(KernelStep<TState, TInfo> step, Func<TInfo, TOut> map) =>
        (key, state) =>
        {
            var (s, info) = step(key, state);
            return (s, map(info));
        };
}
