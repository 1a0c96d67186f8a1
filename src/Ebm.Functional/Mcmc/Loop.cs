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
        var reportEvery = Math.Max(1, steps / 100);
        for (var t = 0; t < steps; t++)
        {
            (state, var info) = step(key.FoldIn(t), state);
            trace[t] = observe(state, info);
            if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == steps)) progress.Report((t + 1.0) / steps);
        }

        return (state, trace);
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps (with the keys of <see cref="Scan{TState,TInfo,TObservation}"/>) and returns
    /// the final state (e.g. burn-in); records nothing, so its memory does not grow with the number of steps.
    /// </summary>
    public static TState Run<TState, TInfo>(RngKey key, TState state, int steps, KernelStep<TState, TInfo> step, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var reportEvery = Math.Max(1, steps / 100);
        for (var t = 0; t < steps; t++)
        {
            (state, _) = step(key.FoldIn(t), state);
            if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == steps)) progress.Report((t + 1.0) / steps);
        }

        return state;
    }
}
