using Ebm.Cli.Showcase;
using Ebm.Functional.Training;

namespace Ebm.Cli.Tests;

public sealed class ShowcaseTrainingTests
{
    [Fact]
    public void The_showcase_run_raises_the_exact_log_likelihood_to_within_two_hundredths_of_a_nat_of_minus_log_14()
    {
        var rows = ShowcaseTraining.Run(ShowcaseJob.DefaultSeed).Match(x => x, e => throw new InvalidOperationException(e.Message));
        var ll = rows.Map(r => r.Metrics.Find(m => m.Name == EvaluationMetrics.TrainLogLikelihood).Map(m => m.Value).IfNone(double.NaN)).ToArray();
        var best = -Math.Log(14);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => 50 * i), rows.Map(r => r.Epoch));
        // Exact likelihoods: no model exceeds the data's negative entropy, and the run ends within 0.02 nats of it
        // after starting more than 3 nats below.
        Assert.All(ll, x => Assert.True(x <= best + 1e-12, $"{x} exceeds -log 14"));
        Assert.True(best - ll[0] > 3, $"the initial model is already at {ll[0]}");
        Assert.InRange(best - ll[^1], 0, 0.02);
    }

    [Fact]
    public void The_showcase_prints_the_training_table_with_its_seed()
    {
        var run = ShowcaseRun.Invoke("--seed", "7");
        Assert.Equal(0, run.Code);
        Assert.Contains("Training: RBM 9 x 16 on the 14 bars-and-stripes 3 x 3 images", run.Out);
        Assert.Contains("seed 7", run.Out);
    }
}
