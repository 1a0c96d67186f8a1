using System.CommandLine;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Thermo;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Plots;
using LanguageExt.Common;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm thermo MODEL.json --beta FROM:TO:STEP|--temperature FROM:TO:STEP [--method exact|pt|reweighting|wang-landau|ais]
/// [--replicas R] [--steps T] [--burn-in B] [--seed S] [--json] [--csv FILE] [--plot FILE.png]</c>:
/// thermodynamics over a range of beta, exact or sampled with error bars.
/// </summary>
internal static class ThermoCommand
{
    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var betas = new Option<string>("--beta", "-b")
        {
            Description = $"Inverse temperatures FROM:TO:STEP (beta_i = FROM + i STEP up to TO, for example 0.1:1:0.1) or one value; " +
                          $"0 <= FROM <= TO, STEP > 0, at most {BetaRange.MaxValues} values.",
            HelpName = "FROM:TO:STEP",
        };
        var temperatures = new Option<string>("--temperature", "-t")
        {
            Description = "Temperatures FROM:TO:STEP instead of --beta (T_i = FROM + i STEP up to TO, each above 0; beta = 1/T) or one value.",
            HelpName = "FROM:TO:STEP",
        };
        var method = new Option<string>("--method", "-m")
        {
            Description = ThermoMethods.Description,
            DefaultValueFactory = _ => ThermoMethods.Exact,
            HelpName = string.Join("|", ThermoMethods.All),
        }.OneOf(ThermoMethods.All);
        var replicas = WholeOption.Create("--replicas",
            $"pt, reweighting: chains per rung [default: {SampledThermoPlan.DefaultChains}]; ais: particles [default: {SampledThermoPlan.DefaultParticles}]; " +
            $"wang-landau: independent walkers [default: {SampledThermoPlan.DefaultWalkers}].", 0, "R");
        var steps = WholeOption.Create("--steps",
            $"pt, reweighting: recorded sweeps of every chain [default: {SampledThermoPlan.DefaultSweeps}, at least {TemperingSettings.MinimumSweeps}]; " +
            $"ais: sweeps at every intermediate beta [default: {SampledThermoPlan.DefaultAisSweeps}].", 0, "T");
        // No default of their own: each method has its own (stated in the description), picked when the option is absent.
        replicas.DefaultValueFactory = null;
        steps.DefaultValueFactory = null;
        var burnIn = WholeOption.Create("--burn-in", "pt, reweighting: unrecorded sweeps before the recorded ones.", SampledThermoPlan.DefaultBurnIn, "B");
        var seed = WholeOption.Create("--seed", "Seed of every random number of a sampled run; printed with the result.", SampledThermoPlan.DefaultSeed, "S");
        var exactMethod = CommonOptions.ExactMethod();
        var json = CommonOptions.Json("the sweep (model, method, rows: beta, logZ, meanEnergy, freeEnergy, entropy, heatCapacity, ...)");
        var csv = new OutputOption("--csv", OutputFormat.Any)
        {
            Description = "Also write the rows to this CSV file (a header line, then one line per beta; written atomically).",
            HelpName = "FILE",
        };
        var plot = new OutputOption("--plot", OutputFormat.Png)
        {
            Description = "Also draw U, C, F and S against beta (or T, see --plot-axis) into this PNG file (written atomically).",
            HelpName = "FILE.png",
        };
        var axis = new Option<string>("--plot-axis")
        {
            Description = "Horizontal axis of --plot: beta, or temperature T = 1/beta (beta = 0 left out).",
            DefaultValueFactory = _ => "beta",
            HelpName = "beta|temperature",
        }.OneOf("beta", "temperature");
        var force = CommonOptions.Force();
        // On --beta, not on the command: a command's validator that fails hides the options' own errors ("--steps: \"1,000\" is
        // not a whole number"), while an option's validator runs beside them; the null default makes it run when --beta is absent.
        betas.DefaultValueFactory = _ => null!;
        betas.Validators.Add(result =>
        {
            var beta = !result.Implicit;
            var temperature = result.GetResult(temperatures) is { Implicit: false };
            if (!beta && !temperature) result.AddError("Option '--beta' (or '--temperature') is required.");
            if (beta && temperature) result.AddError("--beta and --temperature: give one of them, not both.");
        });

        var cluster = ClusterOptions.Create("--method wang-landau's walkers (one per core of each worker), pt's and reweighting's rungs (in blocks that stay on the workers) or ais's blocks of 1,024 particles");
        var command = new Command("thermo",
            "Thermodynamics over a range of beta (or T), exact or sampled with error bars: a row per beta with log Z, internal energy U = <E>, free energy F = -log Z / beta, " +
            "entropy S = beta (U - F) and heat capacity C = beta^2 Var(E), totals over the model.")
        {
            model, betas, temperatures, method, exactMethod, replicas, steps, burnIn, seed, json, csv, plot, axis, force,
        };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(model);
            var files = CommandFiles.Check(context, parse, ("MODEL.json", path));
            if (files.IsFail) return ErrorReport.Write(context, (Error)files);
            var outputs = (RunOutputs)files.Case;
            return cluster.Run(context, parse, ThermoMethods.OnCluster.Contains(parse.GetRequiredValue(method)),
                $"--method {parse.GetRequiredValue(method)} runs on this machine only; on a cluster: {string.Join(", ", ThermoMethods.OnCluster)}", executor => ThermoRun.Run(context, executor, new ThermoRequest(
                path,
                parse.GetValue(betas),
                parse.GetRequiredValue(method),
                CommonOptions.ToExactMethod(parse.GetRequiredValue(exactMethod)),
                parse.GetValue(json),
                outputs.For(csv),
                outputs.For(plot),
                parse.GetRequiredValue(axis) == "temperature" ? ThermoAxis.Temperature : ThermoAxis.Beta,
                parse.GetValue(force),
                parse.GetValue(temperatures),
                parse.GetValue(seed),
                Given(parse, replicas),
                Given(parse, steps),
                parse.GetValue(burnIn))));
        });
        return command;
    }

    /// <summary>The value of an option the user gave, or null for the method's default.</summary>
    private static int? Given(ParseResult parse, Option<int> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;
}
