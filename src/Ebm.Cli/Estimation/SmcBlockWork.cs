using System.Text.Json;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Estimation;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Cli.Output;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The repetitions of <c>ebm logz --method smc</c> as work for an executor (<see cref="Smc.RunRepetition{TState}"/>): R
/// independent runs of N / R particles, each a block, combined in order by <see cref="Smc.Combine"/> into the bits of
/// <see cref="Smc.Run{TState}"/>. Resampling happens inside a repetition, so particles never leave their worker. With one
/// repetition the run is one blocked run with global resampling instead (<see cref="SmcGlobalWork"/>).
/// </summary>
internal static class SmcBlockWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "logz.smc-repetition";

    /// <summary>The options of the run: R runs of max(32, N / R) particles, the request's threshold, scheme and tempering.</summary>
    public static Validation<LanguageExt.Common.Error, SmcOptions> Options(LogzRequest r, AnnealingSchedule? schedule) =>
        SmcOptions.Create(EstimatorSizes.SmcParticlesPerRun(r.Particles, r.Repetitions), schedule, r.SmcTargetConditionalEss, r.EssThreshold,
            ResamplingChoice.Parse(r.Resampling), 1, r.Repetitions, Math.Max(r.Steps, 1));

    /// <summary>The kind a worker registers: the path rebuilt from the model file and the request (<see cref="WorkerPaths.Use"/>).</summary>
    public static WorkKind<SmcBlockInput, SmcRepetition> Remote { get; } = Kind((input, progress) =>
        WorkerPaths.Use(input.Model, input.Request, new RepetitionUser(input, progress)));

    /// <summary>The kind this process runs on the path it built.</summary>
    public static WorkKind<SmcBlockInput, SmcRepetition> Local<TState>(AnnealingPath<TState> path) =>
        Kind((input, progress) => Run(path, input, progress));

    /// <summary>The inputs of every repetition; <paramref name="local"/> leaves the model out (this machine runs on the path in hand).</summary>
    public static Fin<SmcBlockInput[]> Inputs(IEnergyModel model, LogzRequest request, AnnealingSchedule? schedule, RngKey key, bool local) =>
        (local ? FinSucc(request) : WorkerPaths.Shipped(model, request)).Map(shipped =>
        {
            var text = local ? "" : ModelFile.Serialize(model);
            var points = schedule?.Points.Span.ToArray();
            return Enumerable.Range(0, request.Repetitions).Select(r => new SmcBlockInput(text, shipped, points, key.K0, key.K1, r)).ToArray();
        });

    private static Fin<SmcRepetition> Run<TState>(AnnealingPath<TState> path, SmcBlockInput input, IProgress<double>? progress) =>
        (input.Schedule is { } points
            ? Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(points), input.Request.Schedule)).Map(Some)
            : FinSucc(Option<AnnealingSchedule>.None))
        .Bind(chosen =>
        {
            var schedule = chosen.MatchUnsafe(s => s, () => null);
            return from options in Outcomes.ToFin(Options(input.Request, schedule))
                   from repetition in Outcomes.ToFin(Smc.RunRepetition(new RngKey(input.Key0, input.Key1), path, options, input.Repetition,
                       schedule is null ? EstimationInput.AdaptiveFraction(progress) : EstimationInput.Fraction(progress)))
                   select repetition;
        });

    private sealed class RepetitionUser(SmcBlockInput input, IProgress<double>? progress) : IPathUser<SmcRepetition>
    {
        public Fin<SmcRepetition> Use<TState>(PathPack<TState> pack) => Run(pack.Path, input, progress);
    }

    private static WorkKind<SmcBlockInput, SmcRepetition> Kind(Func<SmcBlockInput, IProgress<double>?, Fin<SmcRepetition>> run) =>
        new(Name, run,
            WorkCodec<SmcBlockInput>.Json("an SMC repetition's input"),
            new WorkCodec<SmcRepetition>(
                r => WorkCodec<Wire>.Json("").Write(new Wire(EstimateWire.Of(r.Estimate), r.ResamplingEvents, r.Steps)),
                text => WorkCodec<Wire>.FromJson(text, "an SMC repetition's result").Bind(w => w.Estimate.ToEstimate().Map(e => new SmcRepetition(e, w.ResamplingEvents, w.Steps)))));

    private sealed record Wire(EstimateWire Estimate, int ResamplingEvents, int Steps);
}
