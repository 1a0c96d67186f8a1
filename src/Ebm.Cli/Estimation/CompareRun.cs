using System.Diagnostics;
using Ebm.Functional.Estimation;
using LanguageExt;
using LanguageExt.Common;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>
/// <c>ebm logz --compare</c>: every estimator that applies to the model, at equal cost (the same particles and
/// steps, the same seed; <see cref="Functional.Shell.Estimation.EstimatorSizes"/> turns them into each estimator's
/// counts), one row each. The plan and its cost come first (<see cref="LogzPlanner.Compare"/>), the rows are
/// reported by <see cref="CompareReport"/>.
/// </summary>
internal static class CompareRun
{
    public static int Run(CliContext context, string path, LogzRequest request, bool json, bool withExact, bool force) =>
        LogzPlanner.Compare(path, request, force).Match(
            Succ: plan =>
            {
                var exact = withExact ? LogzPlanner.ExactBeside(plan.Model, request.Beta, plan.Reference) : null;
                var rows = new List<CompareRow>();
                foreach (var (method, resolved) in plan.Rows)
                {
                    var clock = Stopwatch.StartNew();
                    var outcome =
                        from r in resolved
                        from estimate in ProgressDisplay.Run(context, $"log Z ({method})", (progress, stages) =>
                            EstimatorCatalog.Run(method, new EstimationInput(plan.Model, r, progress) { Reference = plan.Reference, Stages = stages }))
                        select estimate;
                    rows.Add(new CompareRow(method, outcome, clock.Elapsed.TotalSeconds));
                }

                context.Out.WriteLine(json
                    ? CompareReport.Json(plan.Model, request, rows, exact, plan.Cost, force)
                    : CompareReport.Text(plan.Model, request, rows, exact, plan.Cost));
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
}
