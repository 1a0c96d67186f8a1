using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.Training;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Doubles whose shortest decimal is long or awkward: subnormals, extremes, a third, signed zero's neighbours.</summary>
    private static readonly double[] Awkward = [1.0 / 3, -2.0 / 3, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, double.MaxValue, -double.MaxValue, 0.1 + 0.2, 1e-320, 123456789.123456789, 5e-324 * 3];

    /// <summary>A state whose every number is random bits (finite) or awkward, with nested optimizer states and two chains.</summary>
    private static TrainState<BernoulliRbm> State()
    {
        var key = RngKey.FromSeed(3);
        static double Bits(RngKey key, long i)
        {
            var (x0, x1, _, _) = key.Bits(i);
            var value = BitConverter.Int64BitsToDouble(((long)x0 << 32) | x1);
            return double.IsFinite(value) ? value : 0.5;
        }

        var weights = Mat.Create(5, 3, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = i < Awkward.Length ? Awkward[i] : key.NormalAt(i);
        });
        var model = BernoulliRbm.Create(weights, Vec.Create(5, d => key.FoldIn(1).Normal(d)), Vec.Create(3, d => key.FoldIn(2).Normal(d)))
            .Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var buffer = Vec.Create(23, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = Bits(key.FoldIn(4), i);
        });
        var optimizer = new TransformState(7, Seq1(buffer), Seq(TransformState.Empty, new TransformState(7, Seq(buffer, buffer.Map(x => -x)), Seq<TransformState>())));
        var chains = Seq(Mat.Create(4, 8, d => key.FoldIn(5).Uniform(d)), Mat.Zeros(0, 8));
        return new TrainState<BernoulliRbm>(model, optimizer, chains, key.FoldIn(6), 123_456_789_012, 41);
    }

    private static readonly Seq<EvaluationRow> History = Seq(
        new EvaluationRow(0, 0, Seq1(new Metric("train-ll", -1.0 / 7))),
        new EvaluationRow(10, 40, Seq(new Metric("train-ll", Math.PI), new Metric("chain-rhat", double.NaN))));

    [Fact]
    public void Reads_back_every_number_of_the_state_bit_for_bit()
    {
        var path = _directory.Path("checkpoint.json");
        var checkpoint = new TrainCheckpoint<BernoulliRbm>(State(), History, """{"model":"bernoulli-rbm","lr":0.1}""");
        Assert.True(OutputFile.Check(path).Bind(o => CheckpointFile.Save(o, checkpoint)).IsSucc);

        var read = CheckpointFile.Load<BernoulliRbm>(path).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(checkpoint.State, read.State);
        Assert.Equal(checkpoint.State.Model.Weights.Span.ToArray().Select(BitConverter.DoubleToInt64Bits), read.State.Model.Weights.Span.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(History[0], read.History[0]);
        Assert.True(double.IsNaN(read.History[1].Metrics[1].Value));
        Assert.Equal(Math.PI, read.History[1].Metrics[0].Value);
        Assert.Equal("""{"model":"bernoulli-rbm","lr":0.1}""", CheckpointFile.Settings(path).Match(x => x, e => e.Message));
        Assert.Equal(CheckpointFile.Serialize(checkpoint), CheckpointFile.Serialize(read));
    }

    [Fact]
    public void Refuses_a_checkpoint_of_another_model_family_and_files_that_are_not_checkpoints()
    {
        var path = _directory.Path("checkpoint.json");
        File.WriteAllText(path, CheckpointFile.Serialize(new TrainCheckpoint<BernoulliRbm>(State(), History, "{}")));
        Assert.Equal(CheckpointErrors.WrongModelCode, Failures.Of(CheckpointFile.Load<BoltzmannMachine>(path)).Single().Code);

        var other = _directory.Path("other.json");
        File.WriteAllText(other, """{"kind":"ising","rows":2,"columns":2}""");
        Assert.Equal(CheckpointErrors.NotCheckpointCode, Failures.Of(CheckpointFile.Load<BernoulliRbm>(other)).Single().Code);
        Assert.Equal(FileErrors.NotFoundCode, Failures.Of(CheckpointFile.Load<BernoulliRbm>(_directory.Path("missing.json"))).Single().Code);
    }

    [Fact]
    public void Every_truncation_and_many_corruptions_of_a_checkpoint_give_an_error_value_never_an_exception()
    {
        var text = CheckpointFile.Serialize(new TrainCheckpoint<BernoulliRbm>(State(), History, "{}"));
        var path = _directory.Path("broken.json");
        var key = RngKey.FromSeed(5);
        for (var cut = 0; cut < text.Length; cut += Math.Max(1, text.Length / 400))
        {
            File.WriteAllText(path, text[..cut]);
            Assert.True(CheckpointFile.Load<BernoulliRbm>(path).IsFail, $"a checkpoint cut at {cut} characters was accepted");
        }

        // Single replaced characters: the result is an error value or, where the change is harmless, a checkpoint.
        for (var i = 0; i < 400; i++)
        {
            var at = (int)(key.UniformAt(2 * i) * text.Length);
            var replacement = "0-,]}\"ax"[(int)(key.UniformAt(2 * i + 1) * 8)];
            File.WriteAllText(path, text[..at] + replacement + text[(at + 1)..]);
            _ = CheckpointFile.Load<BernoulliRbm>(path);
        }
    }
}
