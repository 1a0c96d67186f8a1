using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc.Adaptation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;

namespace Ebm.Cli.Sampling;

/// <summary>What a sampling job hands back to the command: the scalar traces of the kept steps, never the states.</summary>
/// <param name="Traces">The energy and each observable of every chain at every kept step.</param>
/// <param name="AcceptanceRates">Mean acceptance rate of each chain over the kept steps.</param>
/// <param name="Observables">What the observable traces are, in order.</param>
/// <param name="Tuning">The step size and inverse mass that warm-up adapted (<c>--adapt</c>), else null.</param>
/// <param name="Trajectories">Divergences and NUTS tree statistics of the kept steps (hmc, nuts), else null.</param>
internal sealed record SampleOutcome(
    ChainTraces Traces, Vec AcceptanceRates, Seq<Observable> Observables, AdaptedTuning? Tuning = null, TrajectoryReport? Trajectories = null);
