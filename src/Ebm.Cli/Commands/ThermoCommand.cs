using System.CommandLine;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Plots;
using LanguageExt.Common;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm thermo MODEL.json --beta FROM:TO:STEP [--json] [--csv FILE] [--plot FILE.png]</c>:
/// exact thermodynamics over a range of beta.
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
            Required = true,
            HelpName = "FROM:TO:STEP",
        };
        var method = CommonOptions.Method();
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

        var command = new Command("thermo",
            "Exact thermodynamics over a range of beta: a row per beta with log Z, internal energy U = <E>, free energy F = -log Z / beta, " +
            "entropy S = beta (U - F) and heat capacity C = beta^2 Var(E), totals over the model.")
        {
            model, betas, method, exactMethod, json, csv, plot, axis, force,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(model);
            var files = CommandFiles.Check(context, parse, ("MODEL.json", path));
            if (files.IsFail) return ErrorReport.Write(context, (Error)files);
            var outputs = (RunOutputs)files.Case;
            return ThermoRun.Run(context, new ThermoRequest(
                path,
                parse.GetRequiredValue(betas),
                parse.GetRequiredValue(method),
                CommonOptions.ToExactMethod(parse.GetRequiredValue(exactMethod)),
                parse.GetValue(json),
                outputs.For(csv),
                outputs.For(plot),
                parse.GetRequiredValue(axis) == "temperature" ? ThermoAxis.Temperature : ThermoAxis.Beta,
                parse.GetValue(force)));
        });
        return command;
    }
}
