namespace Ebm.Functional.Mcmc;

// The combinators over kernels with their cost: the same kernels as the plain combinators (same keys, same bits), with
// the cost of the composition derived from the parts'.
public static partial class Kernels
{
    /// <summary><paramref name="step"/> with its cost per application (<see cref="CostedKernel{TState,TInfo}"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="evaluations"/> is not positive and finite.</exception>
    public static CostedKernel<TState, TInfo> WithCost<TState, TInfo>(KernelStep<TState, TInfo> step, double evaluations) => new(step, evaluations);

    /// <summary>The sequence of two costed kernels; it costs the sum of their costs.</summary>
    public static CostedKernel<TState, SequenceInfo<TInfo1, TInfo2>> Sequence<TState, TInfo1, TInfo2>(
        CostedKernel<TState, TInfo1> first, CostedKernel<TState, TInfo2> second) =>
        new(Sequence(first.Step, second.Step), first.Evaluations + second.Evaluations);

    /// <summary>The cycle of costed kernels (at least one); it costs the sum of their costs.</summary>
    public static CostedKernel<TState, MovesInfo<TInfo>> Cycle<TState, TInfo>(CostedKernel<TState, TInfo> first, params CostedKernel<TState, TInfo>[] rest)
    {
        var all = rest.Prepend(first).ToArray();
        return new(Cycle(all.Select(k => k.Step).ToArray()), all.Sum(k => k.Evaluations));
    }

    /// <summary>A costed kernel repeated <paramref name="times"/> times; it costs <paramref name="times"/> times as much.</summary>
    public static CostedKernel<TState, MovesInfo<TInfo>> Repeat<TState, TInfo>(CostedKernel<TState, TInfo> step, int times) =>
        new(Repeat(step.Step, times), times * step.Evaluations);

    /// <summary>A costed kernel thinned to one info in <paramref name="every"/>; it costs <paramref name="every"/> times as much.</summary>
    public static CostedKernel<TState, TInfo> Thin<TState, TInfo>(CostedKernel<TState, TInfo> step, int every) =>
        new(Thin(step.Step, every), every * step.Evaluations);

    /// <summary>
    /// The random mixture of costed kernels; it costs the expected cost of the chosen kernel, sum_i w_i c_i / sum_i w_i
    /// (weights 1 and 3 on kernels of cost 1 and 10 give 7.75).
    /// </summary>
    public static CostedKernel<TState, MixtureInfo<TInfo>> Mixture<TState, TInfo>(
        IReadOnlyList<double> weights, IReadOnlyList<CostedKernel<TState, TInfo>> steps)
    {
        var step = Mixture(weights, steps.Select(k => k.Step).ToArray());
        return new(step, weights.Zip(steps, (w, k) => w * k.Evaluations).Sum() / weights.Sum());
    }

    /// <summary>The same costed kernel with its info mapped; the cost is unchanged.</summary>
    public static CostedKernel<TState, TOut> MapInfo<TState, TInfo, TOut>(CostedKernel<TState, TInfo> step, Func<TInfo, TOut> map) =>
        new(MapInfo(step.Step, map), step.Evaluations);
}
