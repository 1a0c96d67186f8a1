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

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>
    /// The kind a worker registers: the path rebuilt from the model file and the request, once per run on each worker
    /// (the blocks of one run share it; a path is an immutable value, so blocks may run on it at the same time).
    /// </summary>
    public static WorkKind<AisBlockInput, AisBlock> Remote { get; } = Kind((input, progress) =>
        Runner(input).Bind(run => run(input, progress)));

    private static readonly Lock Gate = new();
    private static (string Key, Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>> Run)? _last;

    /// <summary>The block runner of the input's run: the last one built when the model and the request are the same, else a new one.</summary>
    private static Fin<Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>>> Runner(AisBlockInput input)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(input.Model + "\n" + JsonSerializer.Serialize(input.Request, Options))));
        lock (Gate)
        {
            if (_last is { } last && last.Key == key) return FinSucc(last.Run);
            var built =
                from model in ModelFile.Parse(input.Model)
                from run in PathCatalog.With(model, input.Request, new RunnerUser(), null)
                select run;
            built.IfSucc(run => _last = (key, run));
            return built;
        }
    }

    private sealed class RunnerUser : IPathUser<Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>>>
    {
        public Fin<Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>>> Use<TState>(PathPack<TState> pack) =>
            FinSucc<Func<AisBlockInput, IProgress<double>?, Fin<AisBlock>>>((input, progress) => Run(pack.Path, input, progress));
    }

    /// <summary>The kind this process runs on the path it built.</summary>
    public static WorkKind<AisBlockInput, AisBlock> Local<TState>(AnnealingPath<TState> path) =>
        Kind((input, progress) => Run(path, input, progress));

    /// <summary>
    /// The inputs of every block of the run; a request with --data carries the base-rate biases read from it instead of
    /// the file's path (a worker cannot read this machine's files).
    /// </summary>
    public static Fin<AisBlockInput[]> Inputs(IEnergyModel model, LogzRequest request, AnnealingSchedule schedule, RngKey key, int particles) =>
        Shipped(model, request).Map(shipped =>
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

    private static Fin<LogzRequest> Shipped(IEnergyModel model, LogzRequest request) =>
        request.DataPath is { } path && model is BernoulliRbm rbm
            ? DataBaseRate.VisibleBias(rbm, path).Map(bias => request with { DataPath = null, BaseRateBias = bias.Span.ToArray() })
            : FinSucc(request);

    private static Fin<AisBlock> Run<TState>(AnnealingPath<TState> path, AisBlockInput input, IProgress<double>? progress) =>
        from schedule in Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(input.Schedule)))
        from block in Outcomes.ToFin(AisBlocks.Run(new RngKey(input.Key0, input.Key1), path, schedule, input.Particles, input.Block, EstimationInput.Fraction(progress)))
        select block;

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
