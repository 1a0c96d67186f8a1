using System.Diagnostics;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Plots;
using LanguageExt;
using Spectre.Console;

namespace Ebm.Cli.Commands;

/// <summary>Runs <c>ebm thermo</c>: parse the range, load the model, sweep, write the files, print the rows.</summary>
internal static class ThermoRun
{
    private sealed record Sweep(IEnergyModel Model, List<ExactResult> Rows, RunCost Cost);

    public static int Run(CliContext context, ThermoRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome =
            from betas in BetaRange.Parse(request.Betas)
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
