using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample</c> with hmc and nuts reports the trajectories' health: divergences (total and per chain) with a warning,
/// NUTS tree depths and leapfrog steps consistent with the tree's doubling, a warning when trees hit the depth limit,
/// the same bits for the same seed, and no new keys for the other samplers.
/// </summary>
public sealed class SampleTrajectoryTests : IDisposable
{
    /// <summary>Precision 10^4 along x1 (sd 0.01): leapfrog is unstable for h &gt; 2 / sqrt(10^4) = 0.02, so h = 0.1 diverges.</summary>
    private const string Stiff = """{"kind":"gaussian","mean":[0,0],"precision":[[1,0],[0,10000]]}""";

    private const string Standard = """{"kind":"gaussian","mean":[0,0],"precision":[[1,0],[0,1]]}""";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Json(CliOutcome outcome)
    {
        Assert.True(outcome.Code == 0, outcome.Err);
        return JsonDocument.Parse(outcome.Out).RootElement;
    }

    private static string[] Warnings(JsonElement result) => [.. result.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];

    [Theory]
    [InlineData("nuts")]
    [InlineData("hmc")]
    public void A_too_large_step_on_a_stiff_gaussian_diverges_and_is_warned_about(string sampler)
    {
        string[] args = ["sample", _temp.Write("stiff.json", Stiff), "--sampler", sampler, "--step-size", "0.1", "--steps", "100", "--seed", "7"];
        var result = Json(CliRun.Invoke([.. args, "--json"]));
        var byChain = result.GetProperty("divergencesByChain").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(4, byChain.Length);
        Assert.True(result.GetProperty("divergences").GetInt32() > 0);
        Assert.Equal(byChain.Sum(), result.GetProperty("divergences").GetInt32());
        Assert.All(byChain, d => Assert.InRange(d, 0, 100));
        Assert.Contains(Warnings(result), w => w.Contains("diverged") && w.Contains("--step-size") && w.Contains("--adapt"));

        var text = CliRun.Invoke(args);
        Assert.Equal(0, text.Code);
        Assert.Contains("divergences    ", text.Out);
        Assert.Contains("ebm: warning: ", text.Err);
        Assert.Contains("kept transitions diverged", text.Err);
    }

    [Fact]
    public void Nuts_on_a_standard_gaussian_with_a_sensible_step_has_no_divergence_and_consistent_tree_statistics()
    {
        var result = Json(CliRun.Invoke("sample", _temp.Write("standard.json", Standard), "--sampler", "nuts", "--step-size", "0.5",
            "--steps", "300", "--seed", "7", "--json"));
        Assert.Equal(0, result.GetProperty("divergences").GetInt32());
        Assert.All(result.GetProperty("divergencesByChain").EnumerateArray(), e => Assert.Equal(0, e.GetInt32()));
        Assert.DoesNotContain(Warnings(result), w => w.Contains("diverged") || w.Contains("tree depth"));

        var meanDepth = result.GetProperty("nutsMeanTreeDepth").GetDouble();
        var maxDepth = result.GetProperty("nutsMaxTreeDepth").GetInt32();
        var leapfrog = result.GetProperty("nutsMeanLeapfrogSteps").GetDouble();
        Assert.Equal(10, result.GetProperty("nutsTreeDepthLimit").GetInt32());
        Assert.Equal(0, result.GetProperty("nutsTreeDepthSaturation").GetDouble());
        Assert.InRange(maxDepth, 1, 10);
        Assert.InRange(meanDepth, 1, maxDepth);
        // A trajectory that kept k doublings spent their 2^k - 1 leapfrog steps plus at most the 2^k of the doubling that
        // was refused: 2^k - 1 <= n <= 2^(k+1) - 1. Averaged (and by Jensen for the lower bound):
        // 2^mean(k) - 1 <= mean(n) <= 2^(max k + 1) - 1.
        Assert.InRange(leapfrog, Math.Pow(2, meanDepth) - 1, Math.Pow(2, maxDepth + 1) - 1);
    }

    [Fact]
    public void Trees_that_hit_the_depth_limit_are_warned_about()
    {
        // h = 0.001 on a unit Gaussian: a U-turn needs a trajectory of about pi, some 3000 steps, beyond the 1023 of depth 10.
        var result = Json(CliRun.Invoke("sample", _temp.Write("standard.json", Standard), "--sampler", "nuts", "--step-size", "0.001",
            "--chains", "2", "--steps", "20", "--burn-in", "0", "--seed", "7", "--json"));
        Assert.True(result.GetProperty("nutsTreeDepthSaturation").GetDouble() > 0.01);
        Assert.Equal(10, result.GetProperty("nutsMaxTreeDepth").GetInt32());
        Assert.InRange(result.GetProperty("nutsMeanLeapfrogSteps").GetDouble(), 1, 1023);
        Assert.Contains(Warnings(result), w => w.Contains("maximum tree depth 10"));
    }

    [Theory]
    [InlineData("nuts", false)]
    [InlineData("nuts", true)]
    [InlineData("hmc", false)]
    public void The_same_seed_gives_the_same_report(string sampler, bool adapt)
    {
        string[] args = ["sample", _temp.Write("stiff.json", Stiff), "--sampler", sampler, "--step-size", "0.05", "--steps", "60", "--burn-in", "40", "--seed", "5", "--json"];
        if (adapt) args = [.. args, "--adapt"];
        static string WithoutTime(CliOutcome o) => string.Join('\n', o.Out.Split('\n').Where(line => !line.Contains("\"seconds\"")));
        var first = CliRun.Invoke(args);
        Assert.Equal(0, first.Code);
        Assert.Contains("\"divergences\"", first.Out);
        Assert.Equal(WithoutTime(first), WithoutTime(CliRun.Invoke(args)));
    }

    [Theory]
    [InlineData("mala")]
    [InlineData("metropolis")]
    [InlineData("langevin")]
    public void Samplers_without_trajectories_report_no_trajectory_keys(string sampler)
    {
        var result = Json(CliRun.Invoke("sample", _temp.Write("standard.json", Standard), "--sampler", sampler, "--steps", "50", "--seed", "7", "--json"));
        Assert.False(result.TryGetProperty("divergences", out _));
        Assert.False(result.TryGetProperty("nutsMeanTreeDepth", out _));
    }
}
