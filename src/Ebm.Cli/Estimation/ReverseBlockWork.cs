using System.Text.Json;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Cli.Output;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// Blocks of reverse AIS (<see cref="ReverseAisBlocks"/>) and of the sandwich (<see cref="SandwichBlocks"/>) as work for
/// an executor: the kinds a worker runs (they rebuild the path, and its exact target sampler, from the model file and
/// the request) and the kinds this process runs on the path it already has. A block draws or anneals its own starting
/// particles, so they never travel; only its weights come back.
/// </summary>
internal static class ReverseBlockWork
{
    /// <summary>The reverse AIS block's name on the wire.</summary>
    public const string ReverseName = "logz.reverse-ais-block";

    /// <summary>The sandwich block's name on the wire.</summary>
    public const string SandwichName = "logz.sandwich-block";

    // Before the kinds below, which are built from it when the class is initialised.
    private static WorkCodec<ReverseBlockInput> InputCodec { get; } =
        WorkCodec<ReverseBlockInput>.Json("a reverse AIS block's input");

    /// <summary>The reverse AIS kind a worker registers: the path rebuilt once per run on each worker.</summary>
    public static WorkKind<ReverseBlockInput, AisBlock> ReverseRemote { get; } = ReverseKind((input, progress) =>
        WorkerPaths.Use(input.Run.Model, input.Run.Request, new Reverse(input, progress)));

    /// <summary>The sandwich kind a worker registers: the path rebuilt once per run on each worker.</summary>
    public static WorkKind<ReverseBlockInput, SandwichBlock> SandwichRemote { get; } = SandwichKind((input, progress) =>
        WorkerPaths.Use(input.Run.Model, input.Run.Request, new Sandwiched(input, progress)));

    /// <summary>The reverse AIS kind this process runs on the path in hand.</summary>
    public static WorkKind<ReverseBlockInput, AisBlock> ReverseLocal<TState>(PathPack<TState> pack) =>
        ReverseKind((input, progress) => new Reverse(input, progress).Use(pack));

    /// <summary>The sandwich kind this process runs on the path in hand.</summary>
    public static WorkKind<ReverseBlockInput, SandwichBlock> SandwichLocal<TState>(PathPack<TState> pack) =>
        SandwichKind((input, progress) => new Sandwiched(input, progress).Use(pack));

    /// <summary>
    /// The inputs of every block of a run of <paramref name="particles"/> particles: for this machine's executor without
    /// the model's text, for a cluster with it and with --data's base rate read here (<see cref="AisBlockWork.Inputs"/>).
    /// </summary>
    public static Fin<ReverseBlockInput[]> Inputs(EstimationInput input, AnnealingSchedule schedule, RngKey startKey, RngKey key, int particles, bool exactStart) =>
        (input.Executor is LocalExecutor
            ? FinSucc(AisBlockWork.LocalInputs(input.Request, schedule, key, particles))
            : AisBlockWork.Inputs(input.Model, input.Request, schedule, key, particles))
        .Map(runs => runs.Select(run => new ReverseBlockInput(run, startKey.K0, startKey.K1, exactStart)).ToArray());

    /// <summary>Reverse AIS block of the input on a path.</summary>
    private sealed class Reverse(ReverseBlockInput input, IProgress<double>? progress) : IPathUser<AisBlock>
    {
        public Fin<AisBlock> Use<TState>(PathPack<TState> pack) =>
            from schedule in Schedule(input)
            from draws in Draws(pack, input)
            from block in Outcomes.ToFin(draws.Match(
                Some: d => ReverseAisBlocks.Run(StartKey(input), RunKey(input), pack.Path, schedule, input.Run.Particles, input.Run.Block, d, EstimationInput.Fraction(progress)),
                None: () => ReverseAisBlocks.RunFromForward(StartKey(input), RunKey(input), pack.Path, schedule, input.Run.Particles, input.Run.Block, EstimationInput.Fraction(progress))))
            select block;
    }

    /// <summary>Sandwich block of the input on a path.</summary>
    private sealed class Sandwiched(ReverseBlockInput input, IProgress<double>? progress) : IPathUser<SandwichBlock>
    {
        public Fin<SandwichBlock> Use<TState>(PathPack<TState> pack) =>
            from schedule in Schedule(input)
            from draws in Draws(pack, input)
            from block in Outcomes.ToFin(draws.Match(
                Some: d => SandwichBlocks.Run(StartKey(input), RunKey(input), pack.Path, schedule, input.Run.Particles, input.Run.Block, d, EstimationInput.Fraction(progress)),
                None: () => SandwichBlocks.Run(RunKey(input), pack.Path, schedule, input.Run.Particles, input.Run.Block, EstimationInput.Fraction(progress))))
            select block;
    }

    private static RngKey StartKey(ReverseBlockInput input) => new(input.StartKey0, input.StartKey1);

    private static RngKey RunKey(ReverseBlockInput input) => new(input.Run.Key0, input.Run.Key1);

    private static Fin<AnnealingSchedule> Schedule(ReverseBlockInput input) => Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(input.Run.Schedule)));

    /// <summary>The path's exact target sampler when the block starts from exact draws, None when it anneals its start.</summary>
    private static Fin<Option<Func<RngKey, int, Fin<TState>>>> Draws<TState>(PathPack<TState> pack, ReverseBlockInput input) =>
        !input.ExactStart
            ? FinSucc(Option<Func<RngKey, int, Fin<TState>>>.None)
            : pack.ExactTargetDraws is { } draws
                ? FinSucc(Some<Func<RngKey, int, Fin<TState>>>((key, count) => FinSucc(draws(key, count))))
                : FinFail<Option<Func<RngKey, int, Fin<TState>>>>(ExecutionErrors.BadMessage("a reverse AIS block's input",
                    "it starts from exact target draws, and this model's path has no exact sampler"));

    private static WorkKind<ReverseBlockInput, AisBlock> ReverseKind(Func<ReverseBlockInput, IProgress<double>?, Fin<AisBlock>> run) =>
        new(ReverseName, run, InputCodec, AisBlockWork.Remote.Result);

    private static WorkKind<ReverseBlockInput, SandwichBlock> SandwichKind(Func<ReverseBlockInput, IProgress<double>?, Fin<SandwichBlock>> run) =>
        new(SandwichName, run, InputCodec, new WorkCodec<SandwichBlock>(
            b => WorkCodec<SandwichWire>.Json("").Write(new SandwichWire(AisBlockWork.Remote.Result.Write(b.Forward), AisBlockWork.Remote.Result.Write(b.Reverse))),
            text => from wire in WorkCodec<SandwichWire>.FromJson(text, "a sandwich block's result")
                    from forward in AisBlockWork.Remote.Result.Read(wire.Forward)
                    from reverse in AisBlockWork.Remote.Result.Read(wire.Reverse)
                    select new SandwichBlock(forward, reverse)));

    /// <summary>A sandwich block on the wire: its two parts as AIS blocks' messages, so every bit survives.</summary>
    private sealed record SandwichWire(string Forward, string Reverse);
}
