using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>
/// Stan's warm-up for HMC and NUTS with a diagonal mass (Stan Reference Manual, "HMC algorithm parameters", automatic
/// parameter tuning): dual averaging of the step size at every iteration, and the inverse mass diagonal set to the
/// regularised variances of the draws at the end of each slow window of a <see cref="WindowSchedule"/>, after which dual
/// averaging restarts from the current step size (mu = log(10 h)).
/// </summary>
/// <remarks>
/// <para>Batched chains share one tuning: each iteration feeds dual averaging the acceptance statistic averaged over the
/// chains, and a window's variance pools every chain's draws (Stan adapts each chain alone; pooling gives C times the
/// draws per window and one kernel for the batch). Stan also reruns its step-size search after each mass update; here
/// dual averaging restarts from the current step size, which its large first steps (mu = log(10 h)) correct within a
/// few iterations.</para>
/// <para>Warm-up draws are for tuning only: the chain is not stationary while the kernel changes, so the sampling phase
/// starts from the final state with <see cref="WindowAdaptationState.Tuning"/> and keeps only its own draws.</para>
/// <para>What dual averaging controls is the mean acceptance of its iterates, whose log-scale noise does not vanish; the
/// average step size it hands over has the target acceptance when the acceptance falls smoothly with h (NUTS, whose
/// statistic averages over the trajectory), but fixed-length HMC, whose acceptance drops off a cliff near the stability
/// limit h omega = 2, usually accepts more than the target with it (0.83 for a target of 0.65 on a whitened Gaussian
/// with L = 10): a conservative step.</para>
/// </remarks>
/// <example><code>
/// var schedule = WindowSchedule.Stan(1000);
/// var (warm, tuning) = WindowAdaptation.Run(key, nuts.Init(start), schedule, DualAveragingSettings.Stan, 0.1,
///     t =&gt; Nuts.Factory(model, new NutsParams(t.StepSize, t.InverseMassDiagonal))(beta));
/// var sampler = Nuts.Create(model, beta, tuning.StepSize, tuning.InverseMassDiagonal);
/// </code></example>
public static class WindowAdaptation
{
    /// <summary>The state before warm-up: step size <paramref name="stepSize"/>, inverse mass <paramref name="inverseMassDiagonal"/>.</summary>
    public static WindowAdaptationState Init(double stepSize, Vec inverseMassDiagonal)
    {
        ArgumentNullException.ThrowIfNull(inverseMassDiagonal);
        return new WindowAdaptationState(0, DualAveraging.Init(stepSize), VarianceAccumulator.Empty(inverseMassDiagonal.Length), inverseMassDiagonal);
    }

    /// <summary>
    /// The state after transition number <see cref="WindowAdaptationState.Iteration"/>, whose mean acceptance statistic was
    /// <paramref name="acceptance"/> and whose chains ended at <paramref name="positions"/> (C x d).
    /// </summary>
    public static WindowAdaptationState Update(
        WindowSchedule schedule, DualAveragingSettings settings, WindowAdaptationState state, double acceptance, Mat positions)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(state);
        var iteration = state.Iteration;
        var stepSize = DualAveraging.Update(settings, state.StepSize, acceptance);
        if (schedule.WindowAt(iteration) is not { } window) return state with { Iteration = iteration + 1, StepSize = stepSize };
        var variance = state.Variance.Add(positions);
        if (iteration != window.End - 1) return new WindowAdaptationState(iteration + 1, stepSize, variance, state.InverseMassDiagonal);
        return new WindowAdaptationState(iteration + 1, DualAveraging.Init(stepSize.StepSize),
            VarianceAccumulator.Empty(positions.Columns), variance.RegularisedVariance());
    }

    /// <summary>
    /// Runs the <see cref="WindowSchedule.Warmup"/> iterations of <paramref name="schedule"/> from <paramref name="start"/>
    /// (iteration t with <c>key.FoldIn(t)</c>), building each transition with <paramref name="kernel"/> from the current step
    /// size and mass.
    /// </summary>
    /// <returns>The chains at the end of warm-up and the tuning to sample with.</returns>
    public static (ContinuousChains State, AdaptedTuning Tuning) Run<TInfo>(
        RngKey key, ContinuousChains start, WindowSchedule schedule, DualAveragingSettings settings, double stepSize,
        Func<AdaptedTuning, KernelStep<ContinuousChains, TInfo>> kernel, Vec? inverseMassDiagonal = null, IProgress<double>? progress = null)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(kernel);
        var adaptation = Init(stepSize, inverseMassDiagonal ?? Vec.Filled(start.Dimension, 1.0));
        var chains = start;
        var reportEvery = Math.Max(1, schedule.Warmup / 100);
        for (var t = 0; t < schedule.Warmup; t++)
        {
            var step = kernel(new AdaptedTuning(adaptation.StepSize.StepSize, adaptation.InverseMassDiagonal));
            (chains, var info) = step(key.FoldIn(t), chains);
            var acceptance = 0.0;
            foreach (var rate in info.AcceptanceRates.Span) acceptance += rate;
            adaptation = Update(schedule, settings, adaptation, acceptance / chains.Chains, chains.Positions);
            if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == schedule.Warmup)) progress.Report((t + 1.0) / schedule.Warmup);
        }

        return (chains, adaptation.Tuning);
    }
}
