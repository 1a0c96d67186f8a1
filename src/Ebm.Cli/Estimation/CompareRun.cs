using System.Diagnostics;
using Ebm.Cli.Commands;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Cli.Estimation;

/// <summary>
/// <c>ebm logz --compare</c>: every estimator that applies to the model, at equal cost (the same particles and
/// steps, the same seed), one row each.
/// </summary>
internal static class CompareRun
{
    public static int Run(CliContext context, string path, LogzRequest request, bool json, bool withExact, bool force)
    {
        var loaded = ModelFile.Load(path);
        if (loaded.IsFail) return ErrorReport.Write(context, (Error)loaded);
        var model = loaded.Match(m => m, _ => throw new InvalidOperationException());
        var loadedReference = LogzCommand.LoadReference(request);
        if (loadedReference.IsFail) return ErrorReport.Write(context, (Error)loadedReference);
        var reference = loadedReference.Match(m => m.Model, _ => null);
        var shared = VersusCheck.SameStateSpace(model, reference);
        if (shared.IsFail) return ErrorReport.Write(context, (Error)shared);
        var budgeted = RunBudget.Check(Cost(model, request, reference), force, EstimatorCost.Levers);
        if (budgeted.IsFail) return ErrorReport.Write(context, (Error)budgeted);
        var cost = budgeted.Match(c => c, _ => throw new InvalidOperationException());
        var exact = withExact ? LogzCommand.ExactBeside(model, request.Beta, reference) : null;
        var rows = new List<(string Method, Fin<LogZEstimate> Estimate, double Seconds)>();
        foreach (var method in EstimatorCatalog.Names)
        {
            var clock = Stopwatch.StartNew();
            var outcome =
                from resolved in LogzCommand.Resolve(model, request with { Method = method }, reference)
                from estimate in ProgressDisplay.Run(context, $"log Z ({method})", (progress, stages) =>
                    EstimatorCatalog.Run(method, new EstimationInput(model, resolved, progress) { Reference = reference, Stages = stages }))
                select estimate;
            rows.Add((method, outcome, clock.Elapsed.TotalSeconds));
        }

        context.Out.WriteLine(json ? Json(model, request, rows, exact, cost, force) : Text(model, request, rows, exact, cost));
        return ExitCodes.Success;
    }

    /// <summary>The cost of every estimator that applies (those that do not are not run).</summary>
    public static RunCost Cost(IEnergyModel model, LogzRequest request, IEnergyModel? reference) =>
        EstimatorCatalog.Names.Aggregate(RunCost.Of(), (total, method) =>
            LogzCommand.Resolve(model, request with { Method = method }, reference)
                .Bind(resolved => EstimatorCost.For(model, resolved, reference))
                .Match(c => total.Then(c.Prefixed(method)), _ => total));

    private static string Text(IEnergyModel model, LogzRequest r, List<(string Method, Fin<LogZEstimate> Estimate, double Seconds)> rows, ExactResult? exact, RunCost cost)
    {
        var lines = new List<string>
        {
            $"model {model.Kind}, {model.Dimension} variables; beta {Numbers.Table(r.Beta)}; seed {r.Seed}; {r.Particles} particles, {r.Steps} steps, schedule {r.Schedule}",
            $"cost {cost.Text()}",
            exact is null
                ? $"{Quantity(r)}    not computed exactly (model too large or --no-exact)"
                : $"exact {Quantity(r)}    {Numbers.Exact(exact.LogZ)} ({exact.Method})",
            $"{"method",-12} {"log Z",18} {"std error",11} {"z vs exact",10} {"ESS",9} {"evaluations",14} {"time (s)",9}  warnings",
        };
        foreach (var (method, estimate, seconds) in rows)
            lines.Add(estimate.Match(
                e => $"{method,-12} {Numbers.Exact(e.LogZ),18} {Numbers.Table(e.StandardError),11} {Numbers.Table(EstimateReport.Z(e, exact)),10} {Numbers.Table(e.Ess),9} {e.EnergyEvaluations,14:N0} {seconds,9:F3}  {string.Join(", ", e.Warnings.Map(w => w.Code))}",
                err => $"{method,-12} not run: {err.Message}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Quantity(LogzRequest r) => r.VersusPath is null ? "log Z" : "log(Z_A / Z_B)";

    private static string Json(IEnergyModel model, LogzRequest r, List<(string Method, Fin<LogZEstimate> Estimate, double Seconds)> rows, ExactResult? exact, RunCost cost, bool forced) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteNumber("seed", r.Seed);
            w.WriteString("model", model.Kind);
            w.WriteNumber("dimension", model.Dimension);
            ResultJson.Number(w, "beta", r.Beta);
            if (exact is null) w.WriteNull("exactLogZ");
            else ResultJson.Number(w, "exactLogZ", exact.LogZ);
            w.WriteStartArray("methods");
            foreach (var (method, estimate, seconds) in rows)
            {
                w.WriteStartObject();
                estimate.Match(
                    e =>
                    {
                        EstimateReport.Fields(w, r, e);
                        ResultJson.Number(w, "z", EstimateReport.Z(e, exact));
                    },
                    err =>
                    {
                        w.WriteString("method", method);
                        w.WriteString("error", err.Message);
                    });
                w.WriteNumber("seconds", seconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            cost.Json(w, forced);
        });
}
