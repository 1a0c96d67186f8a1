using System.Diagnostics;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Plots;
using Ebm.Functional.Shell.Execution;
using LanguageExt.Common;

namespace Ebm.Cli.Estimation;

/// <summary>
/// <c>ebm logz --method ESTIMATOR</c>: plans the run (<see cref="LogzPlanner.Estimate"/>), runs the estimator with
/// progress, then writes the plot and the report (<see cref="EstimateReport"/>) with the exact value beside it when cheap.
/// </summary>
internal static class EstimateRun
{
    public static int Run(CliContext context, string path, LogzRequest request, bool json, OutputFile? plot, bool withExact, bool force, ClusterTarget? cluster = null)
    {
        var clock = Stopwatch.StartNew();
        var connected = cluster?.Connect();
        if (connected is { IsFail: true }) return ErrorReport.Write(context, (Error)connected.Value);
        using var connection = connected?.Match(c => c, _ => null!);
        IExecutor executor = connection is null ? LocalExecutor.Instance : connection.Executor;
        var outcome =
            from plan in LogzPlanner.Estimate(path, request, force)
            from estimate in ProgressDisplay.Run(context, $"log Z ({request.Method})", (progress, stages) =>
                EstimatorCatalog.Run(plan.Resolved.Method, new EstimationInput(plan.Model, plan.Resolved, progress)
                {
                    Reference = plan.Reference, Stages = stages, Executor = executor,
                }))
            select (plan, estimate);
        var workers = connection?.Executor.WorkersUsed;
        var seconds = clock.Elapsed.TotalSeconds;
        return outcome.Match(
            Succ: r =>
            {
                var (model, resolved) = (r.plan.Model, r.plan.Resolved);
                var exact = withExact ? LogzPlanner.ExactBeside(model, resolved.Beta, r.plan.Reference) : null;
                var written = CommandFiles.WriteAll(context,
                    (plot, o => o.WriteAllBytes(EstimatePlot.RenderPng(r.estimate, $"{model.Kind}: {r.estimate.Method}, seed {resolved.Seed}", exact?.LogZ))));
                if (written.IsFail) return ErrorReport.Write(context, (Error)written);

                context.Out.WriteLine(json
                    ? EstimateReport.Json(model, resolved, r.estimate, exact, seconds, r.plan.Cost, force, cluster?.Gateway.ToString(), workers)
                    : EstimateReport.Text(model, resolved, r.estimate, exact, seconds, r.plan.Cost, cluster?.Gateway.ToString(), workers));
                if (!json)
                    foreach (var warning in r.estimate.Warnings) context.Error.WriteLine($"ebm: warning: {warning}");
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }
}
