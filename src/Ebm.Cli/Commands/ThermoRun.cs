using System.Diagnostics;
using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Plots;
using LanguageExt;
using Spectre.Console;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>Runs <c>ebm thermo</c>: parse the range, load the model, sweep, write the files, print the rows.</summary>
internal static class ThermoRun
{
    private sealed record Sweep(IEnergyModel Model, List<ExactResult> Rows);

    public static int Run(CliContext context, ThermoRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome =
            from betas in BetaRange.Parse(request.Betas)
            from _ in CheckPlotName(request.Plot)
            from model in ModelFile.Load(request.Model)
            from computed in ExactOutput.InFile(request.Model, ProgressDisplay.Run(context, "thermo", p => LogPartition.Sweep(model, betas, request.ExactMethod, p)))
            from rows in ExactOutput.Check(request.Model, model, computed)
            select new Sweep(model, rows.ToList());
        var seconds = clock.Elapsed.TotalSeconds;

        return outcome.Bind(sweep => WriteFiles(context, request, sweep)).Match(
            Succ: sweep =>
            {
                if (request.Json) context.Out.WriteLine(Json(sweep, request.Method, seconds));
                else Table(context, sweep, request.Method);
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    private static Fin<Unit> CheckPlotName(string? plot) =>
        plot is null || plot.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? FinSucc(unit)
            : FinFail<Unit>(CliErrors.InvalidOption("--plot", $"\"{plot}\" should end in .png (the plot is a PNG image)"));

    private static Fin<Sweep> WriteFiles(CliContext context, ThermoRequest request, Sweep sweep)
    {
        var files = new List<(string Path, Func<Fin<Unit>> Write)>();
        if (request.Csv is { } csv) files.Add((csv, () => AtomicFile.WriteAllText(csv, ThermoCsv.Write(sweep.Rows))));
        if (request.Plot is { } png)
            files.Add((png, () => ThermoPlot.SavePng(png, sweep.Rows, $"{sweep.Model.Kind} ({sweep.Rows[0].Method})", request.Axis)));
        foreach (var (path, write) in files)
        {
            var result = write();
            if (result.IsFail) return result.Map(_ => sweep);
            context.Error.WriteLine($"ebm: wrote {path}");
        }

        return FinSucc(sweep);
    }

    private static string Json(Sweep sweep, string method, double seconds) =>
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
        });

    private static void Table(CliContext context, Sweep sweep, string method)
    {
        var table = new Table()
            .Title(Markup.Escape($"{sweep.Model.Kind}, {sweep.Model.Dimension} variables: {method} thermodynamics ({string.Join(", ", sweep.Rows.Select(r => r.Method).Distinct())})"))
            .AddColumns("β", "T = 1/β", "log Z", "U = ⟨E⟩", "F = −log Z/β", "S = β(U − F)", "C = β² Var E");
        foreach (var column in table.Columns) column.RightAligned();
        foreach (var r in sweep.Rows)
            table.AddRow(Numbers.Table(r.Beta), Numbers.Table(1.0 / r.Beta), Numbers.Table(r.LogZ), Numbers.Table(r.MeanEnergy),
                Numbers.Table(r.FreeEnergy), Numbers.Table(r.Entropy), Numbers.Table(r.HeatCapacity));
        context.ResultConsole().Write(table);
    }
}
