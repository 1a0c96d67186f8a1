using System.Runtime.InteropServices;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The shards of a CD-k or PCD-k step of a Bernoulli RBM as work for an executor (<see cref="RbmTraining.RunShard"/>): a
/// shard carries the step's parameters (doubles as their bytes), its rows and chains (eight 0/1 units a byte), its key,
/// k and the precision; its result carries the shard's gradient (doubles as their bytes), its chains and its
/// reconstruction error (as its 64 bits). The coordinator keeps the chains between steps, so a shard whose worker is
/// lost runs again elsewhere from the same input, and the run's checkpoints are the local run's.
/// </summary>
internal static class TrainShardWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "train.rbm-shard";

    /// <summary>The kind a worker registers and the client hands to its executor.</summary>
    public static WorkKind<RbmShard, ShardGradient> Kind { get; } = new(
        Name,
        (shard, _) => RbmTraining.RunShard(shard),
        new WorkCodec<RbmShard>(s => WorkCodec<ShardWire>.Json("").Write(ShardWire.Of(s)),
            text => WorkCodec<ShardWire>.FromJson(text, "a training shard").Bind(w => w.ToShard())),
        new WorkCodec<ShardGradient>(g => WorkCodec<GradientWire>.Json("").Write(GradientWire.Of(g)),
            text => WorkCodec<GradientWire>.FromJson(text, "a training shard's result").Bind(w => w.ToGradient())));

    /// <summary>The shard map that runs a step's shards on <paramref name="executor"/> and returns their gradients in shard order.</summary>
    /// <param name="executor">Where the shards run.</param>
    public static Func<IReadOnlyList<RbmShard>, Fin<IReadOnlyList<ShardGradient>>> On(IExecutor executor) =>
        shards => executor.Map(Kind, shards);

    /// <summary>A shard on the wire.</summary>
    private sealed record ShardWire(
        int Visible, int Hidden, string Weights, string VisibleBias, string HiddenBias, int Rows, string Data, int Chains, string? Joint,
        uint Key0, uint Key1, int K, ProductPrecision Precision)
    {
        public static ShardWire Of(RbmShard s) => new(
            s.Model.Visible, s.Model.Hidden, Doubles(s.Model.Weights.Span), Doubles(s.Model.VisibleBias.Span), Doubles(s.Model.HiddenBias.Span),
            s.Rows.Rows, Units(s.Rows.Span), s.Chains?.Rows ?? 0, s.Chains is null ? null : Units(s.Chains.Span), s.Key.K0, s.Key.K1, s.K, s.Precision);

        public Fin<RbmShard> ToShard()
        {
            try
            {
                int nv = Visible, nh = Hidden;
                var weights = ToDoubles(Weights, (long)nv * nh);
                var data = ToUnits(Data, (long)Rows * nv);
                var joint = Joint is null ? null : ToUnits(Joint, (long)Chains * (nv + nh));
                return from model in Ebm.Cli.Output.Outcomes.ToFin(BernoulliRbm.Create(Mat.From(nv, nh, weights), Vec.From(ToDoubles(VisibleBias, nv)), Vec.From(ToDoubles(HiddenBias, nh))))
                       select new RbmShard(new RngKey(Key0, Key1), model, Mat.From(Rows, nv, data), joint is null ? null : Mat.From(Chains, nv + nh, joint), K, Precision);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                return FinFail<RbmShard>(ExecutionErrors.BadMessage("a training shard", e.Message));
            }
        }
    }

    /// <summary>A shard's result on the wire.</summary>
    private sealed record GradientWire(int Rows, string Gradient, int Chains, int Width, string? Joint, long ReconstructionError)
    {
        public static GradientWire Of(ShardGradient g) => new(
            g.Rows, Doubles(g.Gradient.Span), g.Chains?.Rows ?? 0, g.Chains?.Columns ?? 0, g.Chains is null ? null : Units(g.Chains.Span),
            BitConverter.DoubleToInt64Bits(g.ReconstructionError));

        public Fin<ShardGradient> ToGradient()
        {
            try
            {
                var gradient = MemoryMarshal.Cast<byte, double>(Convert.FromBase64String(Gradient));
                var joint = Joint is null ? null : Mat.From(Chains, Width, ToUnits(Joint, (long)Chains * Width));
                return FinSucc(new ShardGradient(Rows, Vec.From(gradient), joint, BitConverter.Int64BitsToDouble(ReconstructionError)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                return FinFail<ShardGradient>(ExecutionErrors.BadMessage("a training shard's result", e.Message));
            }
        }
    }

    private static string Doubles(ReadOnlySpan<double> values) => Convert.ToBase64String(MemoryMarshal.AsBytes(values));

    /// <summary>Zeros and ones packed eight to a byte, unit i as bit i mod 8 of byte i / 8 (checked 0 or 1 before a shard is cut).</summary>
    private static string Units(ReadOnlySpan<double> values)
    {
        var bytes = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
            if (values[i] != 0.0) bytes[i >> 3] |= (byte)(1 << (i & 7));
        return Convert.ToBase64String(bytes);
    }

    private static double[] ToDoubles(string text, long count)
    {
        var values = MemoryMarshal.Cast<byte, double>(Convert.FromBase64String(text)).ToArray();
        return values.Length == count ? values : throw new ArgumentException($"expected {count} numbers, got {values.Length}");
    }

    private static double[] ToUnits(string text, long count)
    {
        var bytes = Convert.FromBase64String(text);
        if (bytes.Length != (count + 7) / 8) throw new ArgumentException($"expected {count} units in {(count + 7) / 8} bytes, got {bytes.Length} bytes");
        var values = new double[count];
        for (var i = 0; i < values.Length; i++) values[i] = (bytes[i >> 3] >> (i & 7)) & 1;
        return values;
    }
}
