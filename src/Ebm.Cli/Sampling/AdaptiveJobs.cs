using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Adaptation;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;

namespace Ebm.Cli.Sampling;

/// <summary>
/// <c>ebm sample --adapt</c> for hmc and nuts: the --burn-in steps are Stan's warm-up (<see cref="WindowAdaptation"/> over
/// <see cref="WindowSchedule.Stan"/>, from --step-size and a unit mass, with the burn-in key of the seed), and the kept
/// steps run with the adapted step size and diagonal mass from where warm-up ended. Warm-up draws are never kept.
/// The target acceptance is 0.8 for nuts (Stan's default) and 0.65 for hmc (<see cref="DualAveragingSettings.ForHmc"/>).
/// </summary>
internal static class AdaptiveJobs
{
    /// <summary>The adapted job for <paramref name="r"/> (hmc or nuts, burn-in checked by the command).</summary>
    public static SampleJob Create(IContinuousModel model, SampleRequest r, Seq<Observable> observables, Func<ulong, Mat> start) =>
        r.Sampler == "nuts"
            ? Job(model, r, observables, start, DualAveragingSettings.Stan,
                t => Nuts.Create(model, r.Beta, t.StepSize, t.InverseMassDiagonal))
            : Job(model, r, observables, start, DualAveragingSettings.ForHmc,
                t => Hmc.Create(model, r.Beta, t.StepSize, r.LeapfrogSteps, t.InverseMassDiagonal));

    private static SampleJob Job<TInfo>(
        IContinuousModel model, SampleRequest r, Seq<Observable> observables, Func<ulong, Mat> start, DualAveragingSettings target,
        Func<AdaptedTuning, Sampler<Mat, ContinuousChains, TInfo>> sampler)
        where TInfo : IAcceptanceInfo =>
        (seed, settings, progress, sink) =>
        {
            var total = (double)settings.BurnIn + settings.Steps;
            var initial = sampler(new AdaptedTuning(r.StepSize, Vec.Filled(model.Dimension, 1.0)));
            var (warm, tuning) = WindowAdaptation.Run(ChainRunner.BurnInKey(seed), initial.Init(start(seed)), WindowSchedule.Stan(settings.BurnIn),
                target, r.StepSize, t => sampler(t).Step, progress: progress is null ? null : new Progress(p => progress.Report(p * settings.BurnIn / total)));
            // The same steps and thin as the validated settings, so this cannot fail.
            var kept = RunSettings.Create(settings.Steps, 0, settings.Thin).Match(s => s, _ => throw new InvalidOperationException("kept-phase settings"));
            var tally = new TrajectoryTally();
            var run = ChainRunner.Run(seed, sampler(tuning), warm.Positions, kept, s => s.Energies,
                s => Observables.Evaluate(observables, s.Positions),
                sink is null ? null : (t, s) => sink(t, s.Energies, s.Positions),
                progress is null ? null : new Progress(p => progress.Report((settings.BurnIn + p * settings.Steps) / total)),
                (_, info) => tally.Add(info));
            return new SampleOutcome(run.Traces, run.AcceptanceRates, observables, tuning, tally.Report());
        };

    /// <summary>Reports progress synchronously (System.Progress would post to the thread pool and reorder reports).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
