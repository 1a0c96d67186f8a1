using System.Diagnostics;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Plots;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;
using Spectre.Console;

namespace Ebm.Cli.Commands;

/// <summary>Runs <c>ebm thermo</c>: parse the range, load the model, sweep, write the files, print the rows.</summary>
internal static class ThermoRun
{
    private sealed record Sweep(IEnergyModel Model, List<ExactResult> Rows, RunCost Cost);

    public static int Run(CliContext context, IExecutor executor, ThermoRequest request)
    {
        if (request.Method != ThermoMethods.Exact) return RunSampled(context, executor, request);
        var clock = Stopwatch.StartNew();
        var outcome =
            from betas in Betas(request)
            from model in ModelFile.Load(request.Model)
            from cost in RunBudget.Check(ExactCost.Sweep(model, betas.Length, request.ExactMethod), request.Force, ExactCost.Levers)
            from rows in ExactOutput.Checked(request.Model, model, ProgressDisplay.Run(context, "thermo", p => LogPartition.Sweep(model, betas, request.ExactMethod, p)))
            select new Sweep(model, rows.ToList(), cost);
        var seconds = clock.Elapsed.TotalSeconds;

        return outcome.Bind(sweep => WriteFiles(context, request, sweep)).Match(
            Succ: sweep =>
            {
                if (request.Json) context.Out.WriteLine(Json(sweep, request.Method, seconds, request.Force));
                else Table(context, sweep, request.Method);
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    /// <summary>The betas of --beta, or of --temperature (beta = 1/T, increasing).</summary>
    private static Fin<double[]> Betas(ThermoRequest request) =>
        request.Temperatures is { } temperatures ? BetaRange.FromTemperatures(temperatures) : BetaRange.Parse(request.Betas ?? "");

    private static int RunSampled(CliContext context, IExecutor executor, ThermoRequest request)
    {
        var plan = new SampledThermoPlan(
            request.Method, request.Seed,
            request.Replicas ?? request.Method switch
            {
                ThermoMethods.Ais => SampledThermoPlan.DefaultParticles,
                ThermoMethods.WangLandau => SampledThermoPlan.DefaultWalkers,
                _ => SampledThermoPlan.DefaultChains,
            },
            request.Steps ?? (request.Method == ThermoMethods.Ais ? SampledThermoPlan.DefaultAisSweeps : SampledThermoPlan.DefaultSweeps),
            request.BurnIn);
        var loaded =
            from counts in Counts(plan)
            from betas in Betas(request)
            from model in ModelFile.Load(request.Model)
            select new SampledThermoRequest(request.Model, model, betas, plan, request.Json, request.Csv, request.Plot, request.Axis, request.Force);
        return loaded.Match(Succ: r => SampledThermoRun.Run(context, r, executor), Fail: e => ErrorReport.Write(context, e));
    }

    /// <summary>The plan when --replicas and --steps are in range for its method.</summary>
    private static Fin<SampledThermoPlan> Counts(SampledThermoPlan plan)
    {
        var fewestReplicas = plan.Method == ThermoMethods.Ais ? 2 : 1;
        var fewestSteps = plan.Method is ThermoMethods.Tempering or ThermoMethods.Reweighting ? TemperingSettings.MinimumSweeps : 1;
        if (plan.Replicas < fewestReplicas) return FinFail<SampledThermoPlan>(CliErrors.InvalidOption("--replicas", $"{plan.Replicas}, expected at least {fewestReplicas}"));
        if (plan.Steps < fewestSteps) return FinFail<SampledThermoPlan>(CliErrors.InvalidOption("--steps", $"{plan.Steps}, expected at least {fewestSteps}"));
        return FinSucc(plan);
    }

    private static Fin<Sweep> WriteFiles(CliContext context, ThermoRequest request, Sweep sweep) =>
        CommandFiles.WriteAll(context,
            (request.Csv, o => o.WriteAllText(ThermoCsv.Write(sweep.Rows))),
            (request.Plot, o => o.WriteAllBytes(ThermoPlot.RenderPng(sweep.Rows, $"{sweep.Model.Kind} ({sweep.Rows[0].Method})", request.Axis))))
        .Map(_ => sweep);

    private static string Json(Sweep sweep, string method, double seconds, bool forced) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteString("model", sweep.Model.Kind);
            w.WriteNumber("dimension", sweep.Model.Dimension);
            w.WriteString("method", method);
            w.WriteStartArray("rows");
            foreach (var row in sweep.Rows)
            {
                w.WriteStartObject();
                ResultJson.Result(w, row);
                ResultJson.Number(w, "temperature", 1.0 / row.Beta);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("seconds", seconds);
            sweep.Cost.Json(w, forced);
        });

    private static void Table(CliContext context, Sweep sweep, string method)
    {
        var table = new Table()
            .Title(Markup.Escape($"{sweep.Model.Kind}, {sweep.Model.Dimension} variables: {method} thermodynamics ({string.Join(", ", sweep.Rows.Select(r => r.Method).Distinct())})"))
            .AddColumns("β", "T = 1/β", "log Z", "U = ⟨E⟩", "F = −log Z/β", "S = β(U − F)", "C = β² Var E")
            .Caption(Markup.Escape($"cost: {sweep.Cost.Text()}"));
        foreach (var column in table.Columns) column.RightAligned();
        foreach (var r in sweep.Rows)
            table.AddRow(Numbers.Table(r.Beta), Numbers.Table(1.0 / r.Beta), Numbers.Table(r.LogZ), Numbers.Table(r.MeanEnergy),
                Numbers.Table(r.FreeEnergy), Numbers.Table(r.Entropy), Numbers.Table(r.HeatCapacity));
        context.ResultConsole().Write(table);
    }
}
