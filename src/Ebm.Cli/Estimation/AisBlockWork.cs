using System.Text.Json;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Cli.Output;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// AIS blocks as work for an executor (<see cref="AisBlocks"/>): the kind a worker runs (it rebuilds the path from the
/// model file and the request) and the kind this process runs locally on the path it already has. Both compute the
/// same function of the same input, so a block's bits do not depend on where it ran.
/// </summary>
internal static class AisBlockWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "logz.ais-block";

    /// <summary>The kind a worker registers: the path rebuilt from the model file and the request (<see cref="WorkerPaths.Use"/>).</summary>
    public static WorkKind<AisBlockInput, AisBlock> Remote { get; } = Kind((input, progress) =>
        WorkerPaths.Use(input.Model, input.Request, new BlockUser(input, progress)));

    private sealed class BlockUser(AisBlockInput input, IProgress<double>? progress) : IPathUser<AisBlock>
    {
        public Fin<AisBlock> Use<TState>(PathPack<TState> pack) => Run(pack.Path, input, progress);
    }

    /// <summary>The kind this process runs on the path it built.</summary>
    public static WorkKind<AisBlockInput, AisBlock> Local<TState>(AnnealingPath<TState> path) =>
        Kind((input, progress) => Run(path, input, progress));

    /// <summary>
    /// The inputs of every block of the run; a request with --data carries the base-rate biases read from it instead of
    /// the file's path (a worker cannot read this machine's files).
    /// </summary>
    public static Fin<AisBlockInput[]> Inputs(IEnergyModel model, LogzRequest request, AnnealingSchedule schedule, RngKey key, int particles) =>
        WorkerPaths.Shipped(model, request).Map(shipped =>
        {
            var text = ModelFile.Serialize(model);
            return Enumerable.Range(0, AisBlocks.Count(particles))
                .Select(b => new AisBlockInput(text, shipped, schedule.Points.Span.ToArray(), key.K0, key.K1, particles, b))
                .ToArray();
        });

    /// <summary>
    /// The inputs for this machine's executor: the local kind runs on the path in hand and reads only the schedule, the
    /// key and the block, so the model is not written out (a 784 × 500 RBM is megabytes of text).
    /// </summary>
    public static AisBlockInput[] LocalInputs(LogzRequest request, AnnealingSchedule schedule, RngKey key, int particles) =>
        Enumerable.Range(0, AisBlocks.Count(particles))
            .Select(b => new AisBlockInput("", request, schedule.Points.Span.ToArray(), key.K0, key.K1, particles, b))
            .ToArray();

    private static Fin<AisBlock> Run<TState>(AnnealingPath<TState> path, AisBlockInput input, IProgress<double>? progress) =>
        from schedule in Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(input.Schedule)))
        from block in Outcomes.ToFin(AisBlocks.Run(new RngKey(input.Key0, input.Key1), path, schedule, input.Particles, input.Block, EstimationInput.Fraction(progress)))
        select block;

    private static WorkKind<AisBlockInput, AisBlock> Kind(Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>> run) =>
        new(Name, run,
            WorkCodec<AisBlockInput>.Json("an AIS block's input"),
            new WorkCodec<AisBlock>(b => WorkCodec<Wire>.Json("").Write(Wire.Of(b)), text => WorkCodec<Wire>.FromJson(text, "an AIS block's result").Bind(w => w.ToBlock())));

    /// <summary>An AIS block on the wire: doubles as their bits and vectors as base64 of their bytes (<see cref="EstimateWire"/>), so every bit survives.</summary>
    private sealed record Wire(int Block, string LogWeights, string TracePoints, string Trace, int Particles, long Moves, long Failures, long AcceptanceSum, int Rounds, int Frozen)
    {
        public static Wire Of(AisBlock b) => new(b.Block, EstimateWire.Bytes(b.LogWeights), EstimateWire.Bytes(b.TracePoints), EstimateWire.Bytes(b.TraceLogMeanWeights),
            b.Health.Particles, b.Health.Moves, b.Health.Failures, EstimateWire.Bits(b.Health.AcceptanceSum), b.Health.Rounds, b.Health.Frozen);

        public Fin<AisBlock> ToBlock()
        {
            try
            {
                return FinSucc(new AisBlock(Block, EstimateWire.Doubles(LogWeights), EstimateWire.Doubles(TracePoints), EstimateWire.Doubles(Trace),
                    new SamplerHealthCounts(Particles, Moves, Failures, EstimateWire.Double(AcceptanceSum), Rounds, Frozen)));
            }
            catch (FormatException e)
            {
                return FinFail<AisBlock>(ExecutionErrors.BadMessage("an AIS block's result", e.Message));
            }
        }
    }
}
