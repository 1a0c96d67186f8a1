using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ebm.Cli.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm anneal on Potts and clock model files: ferromagnets (J = 1, h = 0) reach their known ground energy -J x bonds
/// (every bond satisfied by a uniform state), which the exact enumeration confirms, with the q uniform states as its only
/// ground states, with every kernel (the checkerboard, Metropolis and the single-site heat bath); states print as levels
/// 0..q-1; the default temperatures follow the stated scale; a kernel that does not apply is a one-line error with exit
/// code 2; and the same seed gives the same bits for any thread count.
/// </summary>
public sealed class AnnealCategoricalTests : IDisposable
{
    /// <summary>A 2 x 4 periodic clock ferromagnet with q = 6: B = 2N = 16 bond terms (the side of 2 counts its pair twice), E0 = -16.</summary>
    private const string Clock2x4 = """{"kind":"clock","rows":2,"columns":4,"states":6,"coupling":1,"field":0,"boundary":"periodic"}""";

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> PottsKernels => new() { "auto", "checkerboard", "metropolis", "gibbs" };

    [Theory]
    [MemberData(nameof(PottsKernels))]
    public void The_potts_3x3_example_reaches_minus_j_times_its_18_bonds_in_every_restart(string kernel)
    {
        var json = CliRun.Invoke("anneal", CliRun.Example("potts-3x3.json"), "--kernel", kernel, "--sweeps", "200", "--restarts", "8", "--json").Json();
        // 3 x 3 torus: B = 2N = 18 bonds, J = 1, h = 0: a uniform state has E = -18, the least any state can have.
        const double groundEnergy = -1.0 * 18;
        Assert.Equal(groundEnergy, LowestLevel(Valid(PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic))));
        Assert.Equal("potts", json.GetProperty("problem").GetString());
        Assert.Equal(kernel == "auto" ? "checkerboard" : kernel, json.GetProperty("kernel").GetString());
        Assert.Equal(3, json.GetProperty("levels").GetInt32());
        Assert.Equal(groundEnergy, json.GetProperty("bestEnergy").GetDouble());
        Assert.Equal(groundEnergy, json.GetProperty("groundEnergy").GetDouble());
        Assert.Equal(3, json.GetProperty("groundStates").GetInt64());
        Assert.Equal(8, json.GetProperty("successes").GetInt32());
        Assert.Equal(200.0, json.GetProperty("sweepsToSolution").GetDouble());
        Assert.Equal(42UL, json.GetProperty("seed").GetUInt64());
        var state = json.GetProperty("bestState").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(9, state.Length);
        Assert.Single(state.Distinct());
        Assert.InRange(state[0], 0, 2);
    }

    [Theory]
    [InlineData("checkerboard")]
    [InlineData("metropolis")]
    [InlineData("gibbs")]
    public void A_clock_2x4_ferromagnet_reaches_minus_j_times_its_16_bonds(string kernel)
    {
        var model = _files.Write("clock-2x4.json", Clock2x4);
        var run = CliRun.Invoke("anneal", model, "--kernel", kernel, "--sweeps", "300", "--restarts", "8");
        Assert.Equal(0, run.Code);
        const double groundEnergy = -1.0 * 16;
        Assert.Equal(groundEnergy, LowestLevel(Valid(ClockModel.Create(2, 4, 6, 1.0, 0.0, Boundary.Periodic))));
        Assert.Contains("8 units of 6 levels 0..5, seed 42", run.Out);
        Assert.Contains("best energy: -16 ", run.Out);
        Assert.Contains("exact ground state (enumeration of 6^8 states): E0 = -16 (6 states); reached by 8 of 8 restarts", run.Out);
        var best = run.Out.Split('\n').Single(l => l.StartsWith("best state: ", StringComparison.Ordinal))["best state: ".Length..];
        Assert.Matches("^([0-5])\\1{3}/\\1{4}$", best);
    }

    [Fact]
    public void The_default_temperatures_are_the_stated_scale_and_a_hundredth_of_it()
    {
        var json = CliRun.Invoke("anneal", CliRun.Example("potts-3x3.json"), "--sweeps", "20", "--restarts", "1", "--json").Json();
        // q = 3, J = 1, h = 0: sqrt((2/q) (4 J^2 + h^2)) = sqrt(8/3).
        Assert.Equal(Math.Sqrt(8.0 / 3.0), json.GetProperty("t0").GetDouble(), 1e-12);
        Assert.Equal(Math.Sqrt(8.0 / 3.0) / 100, json.GetProperty("t1").GetDouble(), 1e-14);
    }

    /// <summary>
    /// The scale squared is E[dE^2] of a move to a uniformly drawn other value in a uniformly random state: here averaged
    /// exactly over every value of the centre of a 3 x 3 torus and its four neighbours (the other sites do not enter dE)
    /// and every other value, dE from the model's own ChangeEnergy.
    /// </summary>
    [Theory]
    [InlineData("potts", 2, 1.3, 0.7)]
    [InlineData("potts", 3, 1.0, 0.0)]
    [InlineData("potts", 5, -0.8, 0.4)]
    [InlineData("clock", 2, 1.3, 0.7)]
    [InlineData("clock", 3, 1.0, 0.5)]
    [InlineData("clock", 4, -0.6, 0.0)]
    [InlineData("clock", 6, 1.1, 0.9)]
    public void The_categorical_scale_is_the_root_mean_square_energy_change_of_a_move(string kind, int q, double coupling, double field)
    {
        ICategoricalModel model = kind == "potts"
            ? Valid(PottsModel.Create(3, 3, q, coupling, field, Boundary.Periodic))
            : Valid(ClockModel.Create(3, 3, q, coupling, field, Boundary.Periodic));
        int[] sites = [4, 1, 3, 5, 7];
        var state = new double[9];
        double sum = 0;
        long moves = 0;
        for (var pattern = 0; pattern < (int)Math.Pow(q, sites.Length); pattern++)
        {
            var rest = pattern;
            foreach (var site in sites)
            {
                state[site] = rest % q;
                rest /= q;
            }

            for (var value = 0; value < q; value++)
            {
                if (value == (int)state[4]) continue;
                var change = model.ChangeEnergy(state, 4, value);
                sum += change * change;
                moves++;
            }
        }

        var scale = new AnnealProblem(kind, "test", model, LanguageExt.Option<Ebm.Functional.Annealing.MaxCutProblem>.None,
            LanguageExt.Option<Ebm.Functional.Annealing.QuboProblem>.None).TemperatureScale();
        Assert.Equal(Math.Sqrt(sum / moves), scale.IfNone(double.NaN), 1e-12);
    }

    [Fact]
    public void A_lattice_too_large_to_enumerate_is_annealed_without_a_ground_state()
    {
        var run = CliRun.Invoke("anneal", CliRun.Example("clock-4x4.json"), "--sweeps", "100", "--restarts", "2");
        Assert.Equal(0, run.Code);
        Assert.Contains("exact ground state: not computed (4^16 states, more than 2^24 to enumerate)", run.Out);
        var json = CliRun.Invoke("anneal", CliRun.Example("clock-4x4.json"), "--sweeps", "100", "--restarts", "2", "--json").Json();
        Assert.False(json.TryGetProperty("groundEnergy", out _));
        Assert.Equal(4, json.GetProperty("levels").GetInt32());
    }

    [Theory]
    [InlineData(4, 6, 2, true)]    // 2^24: the limit itself
    [InlineData(5, 5, 2, false)]   // 2^25
    [InlineData(3, 5, 3, true)]    // 3^15 = 14,348,907
    [InlineData(4, 4, 3, false)]   // 3^16 = 43,046,721
    [InlineData(1, 1, 256, true)]
    [InlineData(64, 64, 256, false)]
    public void The_ground_state_is_enumerated_up_to_two_to_the_24_states(int rows, int columns, int q, bool enumerated)
    {
        var model = Valid(ClockModel.Create(rows, columns, q, 1.0, 0.0, Boundary.Periodic));
        var problem = new AnnealProblem("clock", "test", model, LanguageExt.Option<Ebm.Functional.Annealing.MaxCutProblem>.None,
            LanguageExt.Option<Ebm.Functional.Annealing.QuboProblem>.None);
        Assert.Equal(enumerated, AnnealGround.Applies(problem));
        Assert.Equal(enumerated ? (long)Math.Pow(q, rows * columns) : long.MaxValue, AnnealGround.CategoricalStates(model));
    }

    public static TheoryData<string, string, string> KernelsThatDoNotApply => new()
    {
        { "boltzmann-machine-3.json", "checkerboard", "ebm: error: --kernel checkerboard does not apply to a boltzmann-machine model: the checkerboard sweeps ising, potts and clock lattices; use metropolis or gibbs" },
    };

    [Theory]
    [MemberData(nameof(KernelsThatDoNotApply))]
    public void A_kernel_that_does_not_apply_is_a_one_line_error_naming_the_kernel_and_the_kind(string example, string kernel, string message)
    {
        var run = CliRun.Invoke("anneal", CliRun.Example(example), "--kernel", kernel, "--sweeps", "20", "--restarts", "1", "--t0", "1");
        Assert.Equal(2, run.Code);
        Assert.False(run.HasStackTrace, run.Err);
        Assert.StartsWith(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Err.TrimEnd());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_for_any_thread_count_and_another_seed_another_run()
    {
        var model = _files.Write("clock-2x4.json", Clock2x4);
        foreach (var kernel in new[] { "checkerboard", "metropolis", "gibbs" })
        {
            string[] args = ["anneal", model, "--kernel", kernel, "--sweeps", "60", "--restarts", "7", "--t0", "3", "--json"];
            var one = Without(RunWithProcessors(1, [.. args, "--seed", "9"]).Json());
            var three = Without(RunWithProcessors(3, [.. args, "--seed", "9"]).Json());
            var inProcess = Without(CliRun.Invoke([.. args, "--seed", "9"]).Json());
            var other = Without(CliRun.Invoke([.. args, "--seed", "10"]).Json()).Replace("seed=10", "seed=9", StringComparison.Ordinal);
            Assert.Equal(one, three);
            Assert.Equal(one, inProcess);
            Assert.NotEqual(one, other);
        }
    }

    [Fact]
    public void The_plot_and_the_state_file_hold_the_run_with_levels_as_values()
    {
        var plot = _files.Path("energy.png");
        var state = _files.Path("best.txt");
        var run = CliRun.Invoke("anneal", CliRun.Example("potts-3x3.json"), "--sweeps", "50", "--restarts", "2", "--seed", "3", "--plot", plot, "--state", state);
        Assert.Equal(0, run.Code);
        Assert.Contains("seed 3", run.Out);
        Assert.Matches("best state: ([0-2])\\1\\1/\\1{3}/\\1{3}\n", run.Out);
        Assert.Contains($"ebm: wrote {plot}", run.Err);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(plot).Take(4).ToArray());
        var lines = File.ReadAllLines(state);
        Assert.StartsWith("# ebm anneal: best state of potts (", lines[0]);
        Assert.EndsWith("E = -18, seed 3", lines[0]);
        var units = lines[1].Split(' ');
        Assert.Equal(9, units.Length);
        Assert.All(units, v => Assert.True(v is "0" or "1" or "2", v));
    }

    private static double LowestLevel(ICategoricalModel model) =>
        CategoricalEnumeration.EnergyCounts(model).Match(levels => levels.Energies[0], e => throw new InvalidOperationException(e.Message));

    private static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> value) =>
        value.Match(v => v, errors => throw new InvalidOperationException(errors.Head.Message));

    private static string Without(JsonElement json) =>
        string.Join(",", json.EnumerateObject().Where(p => p.Name is not ("seconds" or "cost")).Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    /// <summary>The built ebm in a child process that sees <paramref name="processors"/> processors (DOTNET_PROCESSOR_COUNT), so its thread pool and parallel loops size themselves to it.</summary>
    private static CliOutcome RunWithProcessors(int processors, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ebm.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_PROCESSOR_COUNT"] = processors.ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("EBM_DEBUG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(EbmProcess.Patience), $"ebm did not finish within {EbmProcess.Patience.TotalSeconds} s");
        return new CliOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
