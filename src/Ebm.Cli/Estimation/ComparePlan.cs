using Ebm.Cli.Cost;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Cli.Estimation;

/// <summary>What <c>ebm logz --compare</c> will run: every estimator with its resolved request (or why it cannot run), and the total cost.</summary>
/// <param name="Model">The model of MODEL.json (A under --versus).</param>
/// <param name="Reference">The reference model B of --versus, or null.</param>
/// <param name="Request">The request as given; each row resolves it for its own method.</param>
/// <param name="Rows">One per estimator of <see cref="EstimatorCatalog.Names"/>: its name and resolved request, or the error that keeps it from running.</param>
/// <param name="Cost">The cost of every row that runs, within the budget or forced.</param>
internal sealed record ComparePlan(IEnergyModel Model, IEnergyModel? Reference, LogzRequest Request, Seq<(string Method, Fin<LogzRequest> Resolved)> Rows, RunCost Cost);
