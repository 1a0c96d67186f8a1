using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The trainer on a model whose loss is known in closed form: the "model" is a vector theta, the loss of a minibatch
/// is half the mean squared distance of its rows to theta plus a keyed perturbation, so every step's result can be
/// computed by hand and any change of keys, order or resumption shows in the bits.
/// </summary>
public class TrainerTests
{
    private static readonly ModelParameters<Vec> Identity = new("vector", v => v, (_, v) => FinSucc(v), v => Vec.Filled(v.Length, 1));

    /// <summary>Gradient theta - mean(batch) + 0.01 u, u a uniform of the step key: the key reaches the objective.</summary>
    private static readonly Objective<Vec> Quadratic = new(
        "quadratic",
        (_, _) => FinSucc(Seq<Mat>()),
        (key, theta, chains, batch) => FinSucc(new ObjectiveResult(
            Vec.Create(theta.Length, d =>
            {
                for (var j = 0; j < d.Length; j++)
                {
                    var mean = 0.0;
                    for (var r = 0; r < batch.Rows; r++) mean += batch[r, j];
                    d[j] = theta[j] - mean / batch.Rows + 0.01 * key.UniformAt(j);
                }
            }),
            chains,
            Seq1(new Metric("rows", batch.Rows)))));

    private static readonly Mat Data = Mat.Create(10, 2, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = i * 0.5 - 3;
    });

    private static Trainer<Vec> Sgd(double lr) =>
        new(Identity, Quadratic, Optimizers.Sgd(lr).Match(Succ: t => t, Fail: _ => Transforms.Chain()));

    private static T Ok<T>(Fin<T> value) => value.Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void A_step_is_the_objective_then_the_optimizer_then_the_layout()
    {
        var trainer = Sgd(0.1);
        var start = Ok(trainer.Init(RngKey.FromSeed(3), Vec.Of(1, 2)));
        var key = RngKey.FromSeed(11);
        var batch = Mat.From(2, 2, [0.0, 4.0, 2.0, 0.0]);
        var (state, metrics) = Ok(trainer.Step(key, start, batch));
        var expected = Vec.Of(1 - 0.1 * (1 - 1 + 0.01 * key.UniformAt(0)), 2 - 0.1 * (2 - 2 + 0.01 * key.UniformAt(1)));
        Assert.Equal(expected, state.Model);
        Assert.Equal(1, state.Step);
        Assert.Equal(Seq1(new Metric("rows", 2)), metrics);
    }

    [Fact]
    public void An_epoch_visits_every_example_once_in_batches_and_counts_the_epoch()
    {
        var trainer = Sgd(0.1);
        var start = Ok(trainer.Init(RngKey.FromSeed(5), Vec.Of(0, 0)));
        var batches = Ok(trainer.RemainingBatches(start, Data, 4));
        Assert.Equal([4, 4, 2], batches.Map(b => b.Rows).ToArray());
        var seen = batches.Bind(b => toSeq(b.ToRows())).Map(r => r[0]).OrderBy(x => x).ToArray();
        Assert.Equal(Data.ToRows().Select(r => r[0]).ToArray(), seen);
        var (after, metrics) = Ok(trainer.Epoch(start, Data, 4));
        Assert.Equal((3L, 1), (after.Step, after.Epoch));
        Assert.Equal(10.0 / 3, metrics.Single().Value, 12);
    }

    [Fact]
    public void A_run_stopped_mid_epoch_and_continued_ends_with_the_same_bits()
    {
        var trainer = Sgd(0.05);
        var start = Ok(trainer.Init(RngKey.FromSeed(9), Vec.Of(0.5, -0.5)));
        var straight = Ok(trainer.Epochs(start, Data, 3, epochs: 3));

        var afterOne = Ok(trainer.Epoch(start, Data, 3)).State;
        var first = Ok(trainer.RemainingBatches(afterOne, Data, 3)).Head;
        var stopped = Ok(trainer.Step(TrainingKeys.Step(afterOne.Key, afterOne.Step), afterOne, first)).State;
        var resumed = Ok(trainer.Epochs(stopped, Data, 3, epochs: 3));

        Assert.Equal(12, straight.Step);
        Assert.Equal(straight.Model, resumed.Model);
        Assert.Equal(straight.Step, resumed.Step);
    }

    [Fact]
    public void Different_run_keys_shuffle_and_perturb_differently()
    {
        var trainer = Sgd(0.05);
        var a = Ok(trainer.Init(RngKey.FromSeed(1), Vec.Of(0, 0)).Bind(s => trainer.Epochs(s, Data, 3, 1)));
        var b = Ok(trainer.Init(RngKey.FromSeed(2), Vec.Of(0, 0)).Bind(s => trainer.Epochs(s, Data, 3, 1)));
        Assert.NotEqual(a.Model, b.Model);
    }

    [Fact]
    public void A_diverging_step_is_an_error_that_names_the_step()
    {
        var trainer = Sgd(1e308);
        var start = Ok(trainer.Init(RngKey.FromSeed(1), Vec.Of(1e300, 0)));
        var result = trainer.Step(RngKey.FromSeed(2), start, Mat.From(1, 2, [-1e300, 0]));
        Assert.Equal(TrainingErrors.NotFiniteCode, result.Match(Succ: _ => 0, Fail: e => e.Code));
    }
}
