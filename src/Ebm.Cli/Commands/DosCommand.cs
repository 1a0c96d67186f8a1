using System.CommandLine;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Thermo;
using LanguageExt.Common;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm dos MODEL.json --method wang-landau|exact [--flatness 0.8] [--final-log-f 1e-6] [--walkers W] [--seed S]
/// [--beta FROM:TO:STEP] [--energy-grid MIN:SPACING:COUNT] [--json] [--csv FILE] [--plot FILE.png]</c>: the density of
/// states g(E) and log Z(beta) from it.
/// </summary>
internal static class DosCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new WangLandauSettings();
        var model = CommonOptions.Model();
        var method = new Option<string>("--method", "-m")
        {
            Description = "wang-landau: Wang-Landau sampling with the 1/t refinement (Ising, Potts, clock q = 2, 3, 4, 6, or a binary model with " +
                          "--energy-grid); exact: count every state (Ising up to 30 units, other binary models up to 20).",
            DefaultValueFactory = _ => WangLandau.MethodName,
            HelpName = "METHOD",
        }.OneOf(WangLandau.MethodName, DensityOfStates.ExactMethodName);
        var flatness = RealOption.Create("--flatness",
            "A walker's histogram is flat when its least count is at least this fraction of its mean (0 < f < 1); ln f then halves.", defaults.Flatness, "f");
        var finalLogF = RealOption.Create("--final-log-f",
            "A walker stops when ln f, halved at each flat histogram and then following 1/t, reaches this value; ln g errors fall as its square root.",
            defaults.FinalLogF, "x");
        var walkers = WholeOption.Create("--walkers", "Independent walkers (at least 2); their spread gives the error bars.", defaults.Walkers, "W");
        var checkEvery = WholeOption.Create("--check-every", "Sweeps between two flatness checks.", defaults.CheckEverySweeps, "N");
        var maxSweeps = WholeOption.Create("--max-sweeps", "Most sweeps of one walker; a walker that has not stopped by then fails the run.", (int)Math.Min(defaults.MaxSweeps, int.MaxValue), "N");
        var seed = WholeOption.Create("--seed", "Seed of every random number of the run; printed with the result.", DosRequest.DefaultSeed, "S");
        var betas = new Option<string>("--beta", "-b")
        {
            Description = "Inverse temperatures FROM:TO:STEP (or one value) at which log Z, U, F, S and C are computed from g(E).",
            DefaultValueFactory = _ => DosRequest.DefaultBetas,
            HelpName = "FROM:TO:STEP",
        };
        var grid = new Option<string?>("--energy-grid")
        {
            Description = "For a binary model other than the Ising lattice: the energies E_k = MIN + k SPACING, k < COUNT, on which every energy lies.",
            HelpName = "MIN:SPACING:COUNT",
        };
        var json = CommonOptions.Json("the density (model, method, seed, walkers, sweeps, density: energy, logG, logGError; rows: beta, logZ, logZError, ...)");
        var csv = new OutputOption("--csv", OutputFormat.Any)
        {
            Description = "Also write the density to this CSV file (energy,logG,logGError; written atomically).",
            HelpName = "FILE",
        };
        var plot = new OutputOption("--plot", OutputFormat.Png)
        {
            Description = "Also draw ln g(E) with its error bars, the exact ln g(E) overlaid where it can be counted, into this PNG file.",
            HelpName = "FILE.png",
        };

        var cluster = ClusterOptions.Create("Wang-Landau's walkers (one per core of each worker)");
        var command = new Command("dos",
            "The density of states g(E), the number of states of each energy, normalised so that sum g = q^N, by Wang-Landau sampling " +
            "or exact counting; with log Z(beta) = log sum g(E) e^(-beta E), U, F, S and C at the betas of --beta, from one run.")
        {
            model, method, flatness, finalLogF, walkers, checkEvery, maxSweeps, seed, betas, grid, json, csv, plot,
        };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(model);
            var files = CommandFiles.Check(context, parse, ("MODEL.json", path));
            if (files.IsFail) return ErrorReport.Write(context, (Error)files);
            var outputs = (RunOutputs)files.Case;
            return cluster.Run(context, parse, parse.GetRequiredValue(method) == WangLandau.MethodName,
                "runs Wang-Landau's walkers; --method exact counts on this machine only", executor => DosRun.Run(context, executor, new DosRequest(
                path,
                parse.GetRequiredValue(method),
                parse.GetValue(flatness),
                parse.GetValue(finalLogF),
                parse.GetValue(walkers),
                parse.GetValue(checkEvery),
                parse.GetValue(maxSweeps),
                parse.GetValue(seed),
                parse.GetRequiredValue(betas),
                parse.GetValue(grid),
                parse.GetValue(json),
                outputs.For(csv),
                outputs.For(plot))));
        });
        return command;
    }
}
