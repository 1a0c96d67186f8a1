using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Training.RbmContrastiveTraining;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// CD-k and PCD-k in the fixed shards of <see cref="TrainingShards"/>: a minibatch of one shard is the kernel's step on the
/// whole minibatch with the step's key, bit for bit; a minibatch of several shards is the kernel on each shard with
/// <c>key.FoldIn(s)</c>, combined as (1/n) Σ n_s g_s in the pairwise tree, bit for bit; the fused run declines such
/// minibatches and the trainer's steps give the fold's bits.
/// </summary>
public sealed class TrainingShardsTests
{
    private const int Visible = 12, Hidden = 7;

    public static TheoryData<string, ProductPrecision, int> Objectives() => new()
    {
        { "cd", ProductPrecision.Double, 1 },
        { "cd", ProductPrecision.Single, 2 },
        { "pcd", ProductPrecision.Double, 1 },
        { "pcd", ProductPrecision.Single, 3 },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void A_minibatch_of_one_shard_is_the_kernels_step_with_the_steps_key(string objective, ProductPrecision precision, int k)
    {
        var (model, data, chains) = Setup(1024, objective == "pcd" ? 300 : 0);
        var key = RngKey.FromSeed(5);
        var step = Ok(Build(objective, precision, k, chains?.Rows ?? 0).Step(key, model, chains is null ? default : LanguageExt.Prelude.Seq1(chains), data));
        var kernel = precision == ProductPrecision.Single
            ? ContrastiveKernel.Step<float>(key, model, data, Hidden0(chains), chains?.Rows ?? 0, k, -1)
            : ContrastiveKernel.Step<double>(key, model, data, Hidden0(chains), chains?.Rows ?? 0, k, -1);
        Assert.Equal(Bits(kernel.Gradient.Span), Bits(step.Gradient.Span));
        if (chains is not null) Assert.Equal(kernel.Chains, step.Chains[0]);
        else Assert.Equal(BitConverter.DoubleToInt64Bits(kernel.ReconstructionError), BitConverter.DoubleToInt64Bits(step.Metrics[0].Value));
    }

    [Theory]
    [MemberData(nameof(Objectives))]
    public void A_minibatch_of_three_shards_is_the_tree_of_the_shards_gradients(string objective, ProductPrecision precision, int k)
    {
        // 2,500 rows: shards of 1,024, 1,024 and 452 rows; PCD with 2,500 chains cuts them as the rows.
        var (model, data, chains) = Setup(2500, objective == "pcd" ? 2500 : 0);
        var key = RngKey.FromSeed(6);
        var step = Ok(Build(objective, precision, k, chains?.Rows ?? 0).Step(key, model, chains is null ? default : LanguageExt.Prelude.Seq1(chains), data));
        var parts = new ContrastiveKernel.Output[3];
        int[] rows = [1024, 1024, 452];
        for (var s = 0; s < 3; s++)
        {
            var slice = Mat.From(rows[s], Visible, data.Span.Slice(s * 1024 * Visible, rows[s] * Visible));
            var chainSlice = chains is null ? null : Mat.From(rows[s], chains.Columns, chains.Span.Slice(s * 1024 * chains.Columns, rows[s] * chains.Columns));
            parts[s] = precision == ProductPrecision.Single
                ? ContrastiveKernel.Step<float>(key.FoldIn(s), model, slice, Hidden0(chainSlice), chainSlice?.Rows ?? 0, k, -1)
                : ContrastiveKernel.Step<double>(key.FoldIn(s), model, slice, Hidden0(chainSlice), chainSlice?.Rows ?? 0, k, -1);
        }

        var expected = new double[parts[0].Gradient.Length];
        for (var i = 0; i < expected.Length; i++)
            expected[i] = (1024.0 * parts[0].Gradient.Span[i] + 1024.0 * parts[1].Gradient.Span[i] + 452.0 * parts[2].Gradient.Span[i]) / 2500.0;
        Assert.Equal(Bits(expected), Bits(step.Gradient.Span));
        if (chains is not null)
        {
            Assert.Equal(parts.SelectMany(p => p.Chains!.Span.ToArray()).ToArray(), step.Chains[0].Span.ToArray());
        }
        else
        {
            var error = (1024.0 * parts[0].ReconstructionError + 1024.0 * parts[1].ReconstructionError + 452.0 * parts[2].ReconstructionError) / 2500.0;
            Assert.Equal(BitConverter.DoubleToInt64Bits(error), BitConverter.DoubleToInt64Bits(step.Metrics[0].Value));
        }
    }

    [Fact]
    public void Five_shards_combine_in_the_pairwise_tree_in_shard_order()
    {
        // Numbers chosen so that other orders of the additions round differently: ((a + b) + (c + d)) + e.
        double[] values = [1e16, 1.0, -1e16, 1.0, 3.0];
        int[] rows = [1024, 1024, 1024, 1024, 7];
        var shards = values.Select((v, s) => new ShardGradient(rows[s], Vec.Of(v / rows[s]), null, 0.0)).ToArray();
        var combined = TrainingShards.Combine(shards);
        var leaves = shards.Select(s => s.Rows * s.Gradient.Span[0]).ToArray();
        var expected = (leaves[0] + leaves[1] + (leaves[2] + leaves[3]) + leaves[4]) / 4103.0;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(combined.Gradient.Span[0]));
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(leaves.Aggregate((a, b) => a + b) / 4103.0), BitConverter.DoubleToInt64Bits(combined.Gradient.Span[0]));
        Assert.Equal(4103, combined.Rows);
        Assert.Same(shards[0], TrainingShards.Combine([shards[0]]));
    }

    [Fact]
    public void Pcd_with_fewer_chains_than_shards_is_an_error_value()
    {
        var (model, data, chains) = Setup(2049, 2);
        var step = Build("pcd", ProductPrecision.Double, 1, 2).Step(RngKey.FromSeed(1), model, LanguageExt.Prelude.Seq1(chains!), data);
        var error = step.Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(TrainingErrors.InvalidSettingCode, error.Code);
        Assert.Contains("at least 3 persistent chains", error.Message);
    }

    [Theory]
    [InlineData("cd", ProductPrecision.Double)]
    [InlineData("pcd", ProductPrecision.Single)]
    public void An_epoch_of_large_minibatches_is_the_fold_of_the_steps(string objective, ProductPrecision precision)
    {
        // 3,000 rows in minibatches of 2,100 (two shards) and 900 (one): the fused run declines and the epoch folds the steps.
        var (model, data, _) = Setup(3000, 0);
        var sgd = Optimizers.Sgd(0.05).Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Head.Message));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, Build(objective, precision, 1, 2100), sgd);
        var start = Ok(trainer.Init(RngKey.FromSeed(9), model));
        var (epoch, _) = Ok(trainer.Epoch(start, data, 2100));
        var folded = start;
        foreach (var batch in Ok(trainer.RemainingBatches(start, data, 2100)))
            folded = Ok(trainer.Step(TrainingKeys.Step(folded.Key, folded.Step), folded, batch)).State;
        Assert.Equal(2, epoch.Step);
        Assert.Equal(Bits(folded.Model.Weights.Span), Bits(epoch.Model.Weights.Span));
        Assert.Equal(Bits(folded.Model.HiddenBias.Span), Bits(epoch.Model.HiddenBias.Span));
        Assert.Equal(folded.Chains, epoch.Chains);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2500)]
    public void Training_with_a_map_of_the_shards_gives_the_bits_of_the_plain_objective(int batch)
    {
        // Plain SGD: with minibatches of 100 the plain objective takes the fused run and the sharded one the step fold,
        // so this also pins the fused run to one shard's step; with 2,500 both fold three-shard steps.
        var (model, data, _) = Setup(5000, 0);
        var sgd = Optimizers.Sgd(0.05).Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Head.Message));
        var calls = 0;
        var shards = RbmTraining.LocalShards();
        BernoulliRbm Trained(Objective<BernoulliRbm> objective)
        {
            var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd);
            return Ok(trainer.Init(RngKey.FromSeed(7), model).Bind(start => trainer.Epochs(start, data, batch, 2))).Model;
        }

        var plain = Trained(RbmTraining.ContrastiveDivergence(1));
        var mapped = Trained(RbmTraining.ShardedContrastiveDivergence(s => { calls++; return shards(s); }, 1));
        Assert.Equal(2 * ((5000 + batch - 1) / batch), calls);
        Assert.Equal(Bits(plain.Weights.Span), Bits(mapped.Weights.Span));
        Assert.Equal(Bits(plain.VisibleBias.Span), Bits(mapped.VisibleBias.Span));
        Assert.Equal(Bits(plain.HiddenBias.Span), Bits(mapped.HiddenBias.Span));
    }

    [Fact]
    public void A_shard_computed_alone_is_the_local_maps_shard_and_bad_shards_are_errors()
    {
        var (model, data, chains) = Setup(40, 40);
        var shard = new RbmShard(RngKey.FromSeed(2), model, data, chains, 2, ProductPrecision.Double);
        var alone = Ok(RbmTraining.RunShard(shard, 1));
        var mapped = Ok(RbmTraining.LocalShards()([shard]))[0];
        Assert.Equal(Bits(alone.Gradient.Span), Bits(mapped.Gradient.Span));
        Assert.Equal(alone.Chains, mapped.Chains);
        Assert.True(RbmTraining.RunShard(shard with { K = 0 }).IsFail);
        Assert.True(RbmTraining.RunShard(shard with { Rows = Mat.Create(2, Visible, d => d.Fill(0.5)) }).IsFail);
        Assert.True(RbmTraining.RunShard(shard with { Chains = Mat.Create(2, Visible + Hidden, d => d.Fill(2.0)) }).IsFail);
    }

    private static Objective<BernoulliRbm> Build(string objective, ProductPrecision precision, int k, int chains) =>
        objective == "cd"
            ? RbmTraining.ContrastiveDivergence(k, precision)
            : RbmTraining.PersistentContrastiveDivergence(chains, k, precision);

    private static (BernoulliRbm Model, Mat Data, Mat? Chains) Setup(int rows, int chains)
    {
        var model = Random(Visible, Hidden, 4, scale: 0.3, bias: 0.2);
        var data = Mat.Create(rows, Visible, d =>
        {
            var key = RngKey.FromSeed(3);
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.4 ? 1.0 : 0.0;
        });
        var joint = chains == 0 ? null : Mat.Create(chains, Visible + Hidden, d =>
        {
            var key = RngKey.FromSeed(4);
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.5 ? 1.0 : 0.0;
        });
        return (model, data, joint);
    }

    private static double[] Hidden0(Mat? joint)
    {
        if (joint is null) return [];
        var result = new double[joint.Rows * Hidden];
        for (var c = 0; c < joint.Rows; c++) joint.Row(c)[Visible..].CopyTo(result.AsSpan(c * Hidden, Hidden));
        return result;
    }

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (var i = 0; i < bits.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        return bits;
    }
}
