using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Drives a tempering run whose rungs live in blocks (<see cref="TemperingBlocks"/>, behind an <see cref="ITemperingBlockHost"/>):
/// it holds the replica tracking, and after every step draws the exchanges from the energies the blocks return, with the
/// key and sweeps of <see cref="ParallelTempering"/>'s step; the result is <see cref="ThermoSweep.Sample"/>'s, bit for bit.
/// </summary>
public static class TemperingCoordinator
{
    /// <summary>Runs <paramref name="plan"/> on <paramref name="host"/>'s blocks, reporting the fraction of sweeps done as <see cref="ThermoSweep.Sample"/> does.</summary>
    /// <param name="key">The run's key (the blocks opened with the same).</param>
    /// <param name="plan">The run.</param>
    /// <param name="host">The blocks.</param>
    /// <param name="progress">Receives the fraction of sweeps done.</param>
    public static Fin<TemperingSamples> Run(RngKey key, TemperingPlan plan, ITemperingBlockHost host, IProgress<double>? progress = null)
    {
        var (ladder, settings) = (plan.Ladder.ToArray(), plan.Settings);
        var (burnIn, sweeps) = (settings.BurnIn, settings.Sweeps);
        var total = (double)burnIn + sweeps;
        var burnInProgress = ScaledProgress.Of(progress, 0, burnIn / total);
        var recordProgress = ScaledProgress.Of(progress, burnIn / total, sweeps / total);
        var replicas = ReplicaTracking.Start(settings.Chains, ladder.Length);
        int[][]? sources = null;
        for (var step = 0; step < plan.Steps; step++)
        {
            var energies = host.Sweep(step, sources);
            if (energies.Case is not Vec[] moved) return energies.Map(_ => default(TemperingSamples)!);
            if (moved.Length != ladder.Length || moved.Any(e => e.Length != settings.Chains))
                return FinFail<TemperingSamples>(TemperingBlockErrors.BadExchange($"step {step}'s energies are not {settings.Chains} for each of {ladder.Length} rungs"));
            var recorded = step >= burnIn;
            var stepKey = recorded ? key.FoldIn(2).FoldIn(step - burnIn) : key.FoldIn(1).FoldIn(step);
            var swapped = ReplicaSwaps.Sweep(stepKey.FoldIn(1), ladder, moved, replicas, settings.MaxDegreeOfParallelism);
            (replicas, sources) = (swapped.Replicas, swapped.SourceRung);
            Report(recorded ? recordProgress : burnInProgress, recorded ? step - burnIn : step, recorded ? sweeps : burnIn);
        }

        return host.Finish(sources!).Bind(traces =>
            traces.Energies.Count == ladder.Length && (traces.Magnetisations.IsEmpty || traces.Magnetisations.Count == ladder.Length)
                ? FinSucc(new TemperingSamples(new Arr<double>(ladder), plan.Model.Dimension, ThermoSweep.TemperingLogZAtZero(plan.Model), traces.Energies,
                    traces.Magnetisations.IsEmpty ? None : Some(traces.Magnetisations)))
                : FinFail<TemperingSamples>(TemperingBlockErrors.BadExchange($"the traces are not one per rung of {ladder.Length}")));
    }

    /// <summary>The cadence of <see cref="Mcmc.Loop"/>: every hundredth of the phase's steps and at its end.</summary>
    private static void Report(IProgress<double>? progress, int t, int steps)
    {
        if (progress is not null && ((t + 1) % Math.Max(1, steps / 100) == 0 || t + 1 == steps)) progress.Report((t + 1.0) / steps);
    }
}
