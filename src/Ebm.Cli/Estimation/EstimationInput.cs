using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;

namespace Ebm.Cli.Estimation;

/// <summary>What an estimator is run with: the model, the request, and where progress goes.</summary>
internal sealed record EstimationInput(IEnergyModel Model, LogzRequest Request, IProgress<double>? Progress)
{
    /// <summary>The reference model B of a log(Z_A / Z_B) estimate (--versus), or null for log Z of the model.</summary>
    public IEnergyModel? Reference { get; init; }

    /// <summary>Progress of the stages run before the estimate (pilot runs), by label; null: none shown.</summary>
    public Func<string, IProgress<double>>? Stages { get; init; }

    /// <summary>The progress of the pilot run that places <paramref name="what"/> ("reference", "schedule"), labelled "pilot run (...)".</summary>
    public IProgress<double>? Pilot(string what) => Stages?.Invoke($"pilot run ({what})");

    /// <summary>Where the blocks of a blocked estimator (AIS, reverse AIS, the sandwich, SMC's repetitions) run: this machine unless <c>--cluster</c> names a cluster.</summary>
    public IExecutor Executor { get; init; } = LocalExecutor.Instance;

    /// <summary>The root key of the run.</summary>
    public RngKey Key => RngKey.FromSeed(Request.Seed);

    /// <summary>Annealing progress as a fraction.</summary>
    public IProgress<AnnealingProgress>? Annealing => Progress is null ? null : new AnnealingFraction(Progress);

    /// <summary>Annealing progress as a fraction of <paramref name="target"/>, or null for none.</summary>
    public static IProgress<AnnealingProgress>? Fraction(IProgress<double>? target) => target is null ? null : new AnnealingFraction(target);

    private sealed class AnnealingFraction(IProgress<double> target) : IProgress<AnnealingProgress>
    {
        public void Report(AnnealingProgress value) => target.Report(value.Steps == 0 ? 1.0 : (double)value.Step / value.Steps);
    }

    /// <summary>Adaptive tempering runs to an unknown number of steps: its fraction done is the point t reached.</summary>
    public static IProgress<AnnealingProgress>? AdaptiveFraction(IProgress<double>? target) => target is null ? null : new PointFraction(target);

    private sealed class PointFraction(IProgress<double> target) : IProgress<AnnealingProgress>
    {
        public void Report(AnnealingProgress value) => target.Report(value.Point);
    }
}
