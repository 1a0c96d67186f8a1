using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz</c> and <c>ebm sample</c> on neural-energy files. The example <c>mlp-2d.json</c> is
/// E(x) = sum_i sp(u_i) + sp(-u_i), u = (x - shift) / scale with shift (0.5, -1) and scale (2, 1), whose density in u is
/// the product of two standard logistic densities sigma(z) sigma(-z): so Z over the plane is 2 (the Jacobian), on the box
/// of +-6 standard units it is 2 tanh(3)^2, and under the model -log sigma(Z) is Exp(1), giving &lt;E&gt; = 4 over the plane.
/// </summary>
public sealed class MlpModelCommandTests
{
    private static JsonElement Json(CliOutcome outcome)
    {
        Assert.True(outcome.Code == 0, outcome.Err);
        return JsonDocument.Parse(outcome.Out).RootElement;
    }

    [Fact]
    public void Exact_log_z_of_a_2d_mlp_is_its_integral_on_the_box()
    {
        var result = Json(CliRun.Invoke("logz", CliRun.Example("mlp-2d.json"), "--json"));
        Assert.Equal(Math.Log(2) + 2 * Math.Log(Math.Tanh(3)), result.GetProperty("logZ").GetDouble(), 1e-9);
    }

    [Fact]
    public void Exact_log_z_of_a_2d_classifier_runs_and_an_inapplicable_method_is_refused()
    {
        Json(CliRun.Invoke("logz", CliRun.Example("mlp-classifier-2d.json"), "--json"));
        var refused = CliRun.Invoke("logz", CliRun.Example("mlp-2d.json"), "--exact-method", "enumeration");
        Assert.Equal(2, refused.Code);
        Assert.StartsWith("ebm: error: ", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Ais_estimates_the_log_z_of_the_plane_within_its_standard_error()
    {
        // AIS samples the whole plane, where Z = 2. A deviation beyond 5 standard errors has probability below 6e-7
        // for a normal estimator (delta), with 100 particles and 200 steps (n).
        var result = Json(CliRun.Invoke("logz", CliRun.Example("mlp-2d.json"), "--method", "ais", "--steps", "200", "--seed", "3", "--no-exact", "--json"));
        var se = result.GetProperty("standardError").GetDouble();
        Assert.InRange(se, 1e-4, 0.1);
        Assert.InRange(result.GetProperty("logZ").GetDouble(), Math.Log(2) - 5 * se, Math.Log(2) + 5 * se);
    }

    [Theory]
    [InlineData("mala", "0.8")]
    [InlineData("hmc", "0.5")]
    public void Sampling_an_mlp_gives_its_exact_mean_energy_within_the_reported_mcse(string sampler, string stepSize)
    {
        // <E> = 4 exactly over the plane; 5 MCSE has probability below 6e-7 if the MCSE is right (delta), 8 chains x 4000 steps (n).
        var result = Json(CliRun.Invoke("sample", CliRun.Example("mlp-2d.json"), "--sampler", sampler, "--chains", "8", "--steps", "4000",
            "--step-size", stepSize, "--seed", "11", "--json"));
        var mean = result.GetProperty("meanEnergy").GetDouble();
        var mcse = result.GetProperty("mcse").GetDouble();
        Assert.InRange(mcse, 1e-4, 0.2);
        Assert.InRange(mean, 4 - 5 * mcse, 4 + 5 * mcse);
        Assert.Equal(11UL, result.GetProperty("seed").GetUInt64());
    }
}
