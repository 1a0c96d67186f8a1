using System.Text.Json;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
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

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The kind a worker registers: the path rebuilt from the model file and the request.</summary>
    public static WorkKind<AisBlockInput, AisBlock> Remote { get; } = Kind((input, progress) =>
        from model in ModelFile.Parse(input.Model)
        from block in PathCatalog.With(model, input.Request, new BlockUser(input, progress), null)
        select block);

    /// <summary>The kind this process runs on the path it built.</summary>
    public static WorkKind<AisBlockInput, AisBlock> Local<TState>(AnnealingPath<TState> path) =>
        Kind((input, progress) => Run(path, input, progress));

    /// <summary>The inputs of every block of the run.</summary>
    public static AisBlockInput[] Inputs(string model, LogzRequest request, AnnealingSchedule schedule, RngKey key, int particles) =>
        Enumerable.Range(0, AisBlocks.Count(particles))
            .Select(b => new AisBlockInput(model, request, schedule.Points.Span.ToArray(), key.K0, key.K1, particles, b))
            .ToArray();

    private static Fin<AisBlock> Run<TState>(AnnealingPath<TState> path, AisBlockInput input, IProgress<double>? progress) =>
        from schedule in Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(input.Schedule)))
        from block in Outcomes.ToFin(AisBlocks.Run(new RngKey(input.Key0, input.Key1), path, schedule, input.Particles, input.Block, EstimationInput.Fraction(progress)))
        select block;

    private sealed class BlockUser(AisBlockInput input, IProgress<double>? progress) : IPathUser<AisBlock>
    {
        public Fin<AisBlock> Use<TState>(PathPack<TState> pack) => Run(pack.Path, input, progress);
    }

    private static WorkKind<AisBlockInput, AisBlock> Kind(Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>> run) =>
        new(Name, run,
            new WorkCodec<AisBlockInput>(i => JsonSerializer.Serialize(i, Options), text => Read<AisBlockInput>(text, "an AIS block's input")),
            new WorkCodec<AisBlock>(b => JsonSerializer.Serialize(Wire.Of(b), Options), text => Read<Wire>(text, "an AIS block's result").Bind(w => w.ToBlock())));

    private static Fin<T> Read<T>(string text, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) is { } value
                ? FinSucc(value)
                : FinFail<T>(ExecutionErrors.BadMessage(what, "null"));
        }
        catch (JsonException e)
        {
            return FinFail<T>(ExecutionErrors.BadMessage(what, e.Message));
        }
    }

    /// <summary>An AIS block on the wire: the vectors as base64 of their doubles' bytes, so every bit survives.</summary>
    private sealed record Wire(int Block, string LogWeights, string TracePoints, string Trace, SamplerHealthCounts Health)
    {
        public static Wire Of(AisBlock b) => new(b.Block, Bytes(b.LogWeights), Bytes(b.TracePoints), Bytes(b.TraceLogMeanWeights), b.Health);

        public Fin<AisBlock> ToBlock()
        {
            try
            {
                return FinSucc(new AisBlock(Block, Doubles(LogWeights), Doubles(TracePoints), Doubles(Trace), Health));
            }
            catch (FormatException e)
            {
                return FinFail<AisBlock>(ExecutionErrors.BadMessage("an AIS block's result", e.Message));
            }
        }

        private static string Bytes(Vec v) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Span));

        private static Vec Doubles(string text)
        {
            var bytes = Convert.FromBase64String(text);
            return Vec.Of(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes).ToArray());
        }
    }
}
