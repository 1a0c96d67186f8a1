namespace Ebm.Cli.Tests;

/// <summary>
/// The annealing estimators run on a Gaussian-Bernoulli RBM (block Gibbs on its coupling path), as <c>ebm sample</c>
/// runs block Gibbs on it, and agree with its exact log Z (the sum over the hidden layer).
/// </summary>
public sealed class GaussianBernoulliRbmLogzTests
{
    [Theory]
    [InlineData("ais")]
    [InlineData("smc")]
    [InlineData("ti")]
    [InlineData("sandwich")]
    public void An_estimate_agrees_with_the_exact_log_z_within_five_standard_errors(string method)
    {
        // 1,000 particles over 200 steps on the 2 x 2 example: each estimator's own standard error is about 1e-3; a
        // deviation beyond 5 SE has probability below 6e-7 if that error is right (the sandwich's interval is wider).
        var json = CliRun.Invoke("logz", CliRun.Example("gaussian-bernoulli-rbm-2x2.json"), "--method", method,
            "--particles", "1000", "--steps", "200", "--seed", "3", "--json").Json();
        Assert.Equal("block-gibbs", json.GetProperty("kernel").GetString());
        var z = json.GetProperty("exact").GetProperty("z").GetDouble();
        Assert.InRange(z, -5, 5);
    }

    [Fact]
    public void Linked_importance_sampling_is_refused_as_block_gibbs_on_the_joint_state_is_not_reversible()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-bernoulli-rbm-2x2.json"), "--method", "linked-is");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --method: linked-is needs a reversible kernel", run.Err);
    }
}
