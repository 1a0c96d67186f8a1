namespace Ebm.Cli.Tests;

/// <summary>
/// Argument vectors that fuzzing found ending in exit code 1 (an escaped exception): each is bad input and
/// must exit with code 2 and a message naming the option.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData("ring.json", "ais", "4.9e-324")]
    [InlineData("ring.json", "is", "1e-160")]
    [InlineData("gaussian-mixture-2d.json", "bridge", "1e200")]
    [InlineData("double-well.json", "smc", "1.7976931348623157e308")]
    public void A_reference_scale_whose_precision_is_not_finite_and_positive_is_bad_input(string model, string method, string scale)
    {
        var run = CliRun.Invoke("logz", CliRun.Example(model), "--method", method, "--reference-scale", scale, "--steps", "4", "--particles", "4");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --reference-scale: ", run.Err);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void Compare_with_a_reference_scale_whose_precision_is_not_finite_is_bad_input()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-mixture-2d.json"), "--compare", "--no-exact", "--reference-scale", "4.9e-324", "--steps", "4", "--particles", "4");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --reference-scale: ", run.Err);
    }

    [Theory]
    [InlineData("1e-150")]
    [InlineData("1e150")]
    public void A_reference_scale_at_the_bounds_is_accepted(string scale)
    {
        var run = CliRun.Invoke("logz", CliRun.Example("ring.json"), "--method", "is", "--reference-scale", scale, "--particles", "4", "--no-exact");
        Assert.Equal(0, run.Code);
    }

    [Theory]
    [InlineData("boltzmann-machine-3.json", "-1")]
    [InlineData("double-well.json", "-1e308")]
    [InlineData("ising-4x4.json", "0")]
    public void Compare_needs_the_positive_beta_of_the_estimators(string model, string beta)
    {
        var run = CliRun.Invoke("logz", CliRun.Example(model), "--compare", "--no-exact", "--beta", beta, "--steps", "4", "--particles", "4");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --beta: ", run.Err);
        Assert.False(run.HasStackTrace);
    }
}
