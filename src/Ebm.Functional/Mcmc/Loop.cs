using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The one driver of iterative pure computations: step t runs with <c>key.FoldIn(t)</c>, so the result
/// depends only on the key, the initial state and the number of steps.
/// </summary>
/// <remarks>
/// Drivers whose steps take keys from several roots, count from another index or stop at a condition use
/// <see cref="Indexed{TState,TInfo}"/> and <see cref="Until{TState,TInfo}"/>, whose <see cref="IndexedStep{TState,TInfo}"/>
/// receives its index and derives its own keys (the annealing estimators: AIS, reverse AIS, the sandwich, SMC and linked importance sampling).
/// </remarks>
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

    /// <summary>
    /// Runs the steps with indices <paramref name="first"/>, ..., <paramref name="first"/> + <paramref name="steps"/> - 1
    /// from <paramref name="state"/>, handing each index, state and info to <paramref name="visit"/>; the step derives
    /// its keys from its index, so the result depends only on those keys, the initial state and the indices.
    /// </summary>
    /// <param name="state">The initial state.</param>
    /// <param name="first">The index of the first step (estimators that count steps from 1 pass 1).</param>
    /// <param name="steps">The number of steps, at least 0.</param>
    /// <param name="step">The step.</param>
    /// <param name="visit">Receives each step's index, new state and info as they are produced.</param>
    /// <returns>The final state.</returns>
    public static TState Indexed<TState, TInfo>(
        TState state, int first, int steps, IndexedStep<TState, TInfo> step, Action<int, TState, TInfo> visit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(visit);
        for (var t = first; t < first + steps; t++)
        {
            (state, var info) = step(t, state);
            visit(t, state, info);
        }

        return state;
    }

    /// <summary>
    /// Runs the steps with indices <paramref name="first"/>, <paramref name="first"/> + 1, ... from
    /// <paramref name="state"/> until <paramref name="done"/> holds for the state (checked before every step) or
    /// <paramref name="maxSteps"/> steps have run, handing each index, state and info to <paramref name="visit"/>.
    /// </summary>
    /// <param name="state">The initial state.</param>
    /// <param name="first">The index of the first step.</param>
    /// <param name="maxSteps">The most steps to run, at least 0.</param>
    /// <param name="done">Whether a state ends the run (adaptive tempering: it has reached t = 1).</param>
    /// <param name="step">The step.</param>
    /// <param name="visit">Receives each step's index, new state and info as they are produced.</param>
    /// <returns>The final state and the number of steps run.</returns>
    public static (TState State, int Steps) Until<TState, TInfo>(
        TState state, int first, int maxSteps, Func<TState, bool> done, IndexedStep<TState, TInfo> step, Action<int, TState, TInfo> visit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(visit);
        var taken = 0;
        while (taken < maxSteps && !done(state))
        {
            var t = first + taken;
            (state, var info) = step(t, state);
            taken++;
            visit(t, state, info);
        }

        return (state, taken);
    }

    // The keyed drivers are the indexed one with step t's key key.FoldIn(t), counting from 0.
    private static TState Drive<TState, TInfo>(
        RngKey key, TState state, int steps, KernelStep<TState, TInfo> step, Action<int, TState, TInfo>? visit, IProgress<double>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var reportEvery = Math.Max(1, steps / 100);
        return Indexed(state, 0, steps, (t, s) => step(key.FoldIn(t), s), (t, s, info) =>
        {
            visit?.Invoke(t, s, info);
            if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == steps)) progress.Report((t + 1.0) / steps);
        });
    }
}
