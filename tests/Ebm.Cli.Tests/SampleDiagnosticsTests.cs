using System.Globalization;
using System.Text;
using System.Text.Json;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Sampling;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample</c> diagnoses more than the energy (coordinates, magnetisation), reports a divergence instead of
/// printing infinities, and streams its samples CSV with exactly the values of the kernel run by hand.
/// </summary>
public sealed class SampleDiagnosticsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Barrier 8 at beta 1 (crossing costs e^-8 per attempt), 4 HMC chains, seed 1, the defaults otherwise: three
    /// chains settle at x ≈ +0.97 and one at -0.98. E(x, y) is symmetric in x, so R-hat(E) = 1.0019 sees nothing,
    /// while R-hat(x0) = 1.53.
    /// </summary>
    [Fact]
    public void Chains_split_between_the_wells_of_a_double_well_are_warned_about_by_x0()
    {
        var model = _temp.Write("double-well.json", """{"kind":"double-well","barrier":8,"stiffness":1}""");
        var text = CliRun.Invoke("sample", model, "--sampler", "hmc", "--chains", "4", "--seed", "1");
        Assert.True(text.Code == 0, text.Err);
        Assert.Contains("ebm: warning: R-hat(x0) = 1.5", text.Err);
        Assert.Contains("worst R-hat    1.5", text.Out);
        Assert.Contains("(x0)", text.Out);

        var json = CliRun.Invoke("sample", model, "--sampler", "hmc", "--chains", "4", "--seed", "1", "--json").Json();
        Assert.InRange(json.GetProperty("rHat").GetDouble(), 0.99, 1.01);
        Assert.True(json.GetProperty("worstRHat").GetDouble() > 1.5);
        Assert.Equal("x0", json.GetProperty("worstRHatQuantity").GetString());
        Assert.Equal("x0", json.GetProperty("smallestEssQuantity").GetString());
        Assert.Equal("bulk ESS", json.GetProperty("smallestEssMeasure").GetString());
        Assert.False(json.GetProperty("diverged").GetBoolean());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("R-hat(x0)", StringComparison.Ordinal));
        Assert.Equal(["E", "x0", "x1"], json.GetProperty("diagnosed").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray());
        foreach (var key in new[] { "seed", "sampler", "meanEnergy", "mcse", "rHat", "essBulk", "essTail", "autocorrelationTime", "acceptanceRate", "warnings" })
            Assert.True(json.TryGetProperty(key, out _), key);
    }

    /// <summary>
    /// 4 x 4 torus at beta 1 (flipping a phase costs two domain walls, ΔE = 16, e^-16 per attempt): heat-bath chains
    /// freeze in the phase they fall into. Seed 3 splits them between m ≈ +1 and m ≈ -1 (R-hat(E) = 1.0003, R-hat(m) = 8.2);
    /// seed 4 puts all four at m ≈ -1, where the chains agree and only the symmetry (exact mean of m is 0) tells.
    /// </summary>
    [Fact]
    public void Ising_chains_frozen_in_opposite_phases_or_in_one_phase_are_warned_about_by_m()
    {
        var opposite = CliRun.Invoke("sample", CliRun.Example("ising-4x4.json"), "--sampler", "gibbs", "--beta", "1", "--seed", "3", "--json").Json();
        Assert.InRange(opposite.GetProperty("rHat").GetDouble(), 0.99, 1.01);
        Assert.Equal("m", opposite.GetProperty("worstRHatQuantity").GetString());
        Assert.Contains(opposite.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("R-hat(m)", StringComparison.Ordinal));

        var one = CliRun.Invoke("sample", CliRun.Example("ising-4x4.json"), "--sampler", "gibbs", "--beta", "1", "--seed", "4");
        Assert.True(one.Code == 0, one.Err);
        Assert.DoesNotContain("R-hat(m)", one.Err);
        Assert.Contains("ebm: warning: m averages -0.99", one.Err);
        Assert.Contains("symmetric under s → -s", one.Err);
    }

    /// <summary>
    /// Unadjusted Langevin at step size 100 on the 2-D Gaussian: the drift multiplies x by about 1 - 5000 per step,
    /// the chains reach |E| ≈ 1e306 within the burn-in and every later move overflows and is refused.
    /// </summary>
    [Fact]
    public void A_diverging_langevin_run_reports_the_divergence_and_finite_numbers()
    {
        var text = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "langevin", "--step-size", "100");
        Assert.True(text.Code == 0, text.Err);
        Assert.DoesNotContain("Infinity", text.Out);
        Assert.Contains("ebm: warning: the chains diverged", text.Err);

        var json = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "langevin", "--step-size", "100", "--json").Json();
        Assert.True(json.GetProperty("diverged").GetBoolean());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("meanEnergy").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("energySd").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("mcse").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("the chains diverged", StringComparison.Ordinal));
    }

    /// <summary>
    /// The streamed CSV holds, bit for bit, the states of the kernel stepped by hand with the documented keys
    /// (<see cref="ChainRunner"/>): burn-in with root.FoldIn(0), kept step t with root.FoldIn(1).FoldIn(t) and its
    /// thinned sub-steps with .FoldIn(i), starting points from root.FoldIn(2).
    /// </summary>
    [Fact]
    public void The_streamed_csv_holds_the_states_of_the_kernel_run_by_hand()
    {
        var csv = _temp.Path("hmc.csv");
        var outcome = CliRun.Invoke("sample", CliRun.Example("double-well.json"), "--sampler", "hmc", "--chains", "3", "--steps", "30",
            "--thin", "3", "--burn-in", "5", "--step-size", "0.2", "--seed", "5", "--out", csv);
        Assert.True(outcome.Code == 0, outcome.Err);
        var model = (IContinuousModel)Load("double-well.json");
        var hmc = Hmc.Create(model, 1.0, 0.2, 10);
        var start = Mat.Create(3, 2, d => ChainRunner.StartKey(5).Normal(d));
        Assert.Equal(ByHand(hmc, start, 5, 5, 10, 3, s => s.Energies, s => s.Positions), File.ReadAllText(csv));

        var discrete = _temp.Path("gibbs.csv");
        outcome = CliRun.Invoke("sample", CliRun.Example("boltzmann-machine-3.json"), "--sampler", "gibbs", "--chains", "2", "--steps", "20",
            "--burn-in", "3", "--seed", "8", "--out", discrete);
        Assert.True(outcome.Code == 0, outcome.Err);
        var machine = (IDiscreteModel)Load("boltzmann-machine-3.json");
        var low = machine.States == StateConvention.Spin ? -1.0 : 0.0;
        var states = Mat.Create(2, 3, d =>
        {
            for (var j = 0; j < d.Length; j++) d[j] = ChainRunner.StartKey(8).UniformAt(j) < 0.5 ? 1.0 : low;
        });
        Assert.Equal(ByHand(HeatBathGibbs.Create(machine, 1.0), states, 8, 3, 20, 1, s => s.Energies, s => s.States), File.ReadAllText(discrete));
    }

    [Fact]
    public void A_run_whose_traces_cannot_fit_one_array_is_refused_with_the_memory_it_would_need()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "hmc", "--chains", "100000", "--steps", "99000000", "--burn-in", "0");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("--steps: 100000 chains x 99000000 kept steps x 3 traces exceed", outcome.Err);
        Assert.Contains("GB", outcome.Err);
        Assert.Equal("", outcome.Out);
    }

    /// <summary>
    /// gaussian-2d (d = 2, observables x0 and x1), 4 chains x 1000 kept steps: traces 8·4·1000·3 = 96,000 bytes,
    /// diagnostics 9·8·4·1000 = 288,000, states 4·8·4·2 = 256; parallel tempering with 8 rungs holds 8 times the states.
    /// </summary>
    [Fact]
    public void The_memory_a_run_needs_is_traces_plus_diagnostics_plus_states()
    {
        var model = Load("gaussian-2d.json");
        var settings = RunSettings.Create(1000).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(96_000 + 288_000 + 256, Sampling.SampleMemory.Bytes(model, new Sampling.SampleRequest("hmc", 4, 1.0, 0.1, 10, 8, 10.0), settings));
        Assert.Equal(96_000 + 288_000 + 8 * 256, Sampling.SampleMemory.Bytes(model, new Sampling.SampleRequest("pt", 4, 1.0, 0.1, 10, 8, 10.0), settings));
    }

    private static IEnergyModel Load(string example) =>
        ModelFile.Load(CliRun.Example(example)).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static string ByHand<TState, TInfo>(
        Sampler<Mat, TState, TInfo> sampler, Mat start, ulong seed, int burnIn, int kept, int thin, Func<TState, Vec> energies, Func<TState, Mat> positions)
    {
        var state = sampler.Init(start);
        for (var t = 0; t < burnIn; t++) (state, _) = sampler.Step(ChainRunner.BurnInKey(seed).FoldIn(t), state);
        var text = new StringBuilder("chain,step,energy");
        for (var i = 0; i < start.Columns; i++) text.Append(",x").Append(i);
        text.Append('\n');
        for (var t = 0; t < kept; t++)
        {
            for (var i = 0; i < thin; i++) (state, _) = sampler.Step(ChainRunner.SamplingKey(seed).FoldIn(t).FoldIn(i), state);
            for (var c = 0; c < start.Rows; c++)
            {
                text.Append(c).Append(',').Append(t).Append(',').Append(energies(state)[c].ToString("R", CultureInfo.InvariantCulture));
                foreach (var x in positions(state).Row(c)) text.Append(',').Append(x.ToString("R", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
