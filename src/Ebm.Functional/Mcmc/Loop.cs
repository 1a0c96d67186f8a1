using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The one driver of iterative pure computations: step t runs with <c>key.FoldIn(t)</c>, so the result
/// depends only on the key, the initial state and the number of steps.
/// </summary>
public static class Loop
{
    /// <summary>
    /// Runs <paramref name="steps"/> steps from <paramref name="state"/>, recording
    /// <paramref name="observe"/>(state, info) after each; progress is reported as the fraction of steps done.
    /// </summary>
    /// <returns>The final state and one observation per step.</returns>
    public static (TState State, TObservation[] Trace) Scan<TState, TInfo, TObservation>(
        RngKey key, TState state, int steps, KernelStep<TState, TInfo> step,
        Func<TState, TInfo, TObservation> observe, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var trace = new TObservation[steps];
        var final = Drive(key, state, steps, step, (t, s, info) => trace[t] = observe(s, info), progress);
        return (final, trace);
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps (with the keys of <see cref="Scan{TState,TInfo,TObservation}"/>) and returns
    /// the final state (e.g. burn-in); records nothing, so its memory does not grow with the number of steps.
    /// </summary>
    public static TState Run<TState, TInfo>(RngKey key, TState state, int steps, KernelStep<TState, TInfo> step, IProgress<double>? progress = null) =>
        Drive(key, state, steps, step, null, progress);

    /// <summary>
    /// As <see cref="Run{TState,TInfo}(RngKey, TState, int, KernelStep{TState,TInfo}, IProgress{double})"/>, handing
    /// each step's state and info to <paramref name="visit"/> as they are produced (to tally acceptance, say) without
    /// keeping them.
    /// </summary>
    public static TState Run<TState, TInfo>(
        RngKey key, TState state, int steps, KernelStep<TState, TInfo> step, Action<TState, TInfo> visit, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return Drive(key, state, steps, step, (_, s, info) => visit(s, info), progress);
    }

    private static TState Drive<TState, TInfo>(
        RngKey key, TState state, int steps, KernelStep<TState, TInfo> step, Action<int, TState, TInfo>? visit, IProgress<double>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var reportEvery = Math.Max(1, steps / 100);
        for (var t = 0; t < steps; t++)
        {
            (state, var info) = step(key.FoldIn(t), state);
            visit?.Invoke(t, state, info);
            if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == steps)) progress.Report((t + 1.0) / steps);
        }

        return state;
    }
}
