using Ebm.Cli.Cost;
using Ebm.Functional.Models;

namespace Ebm.Cli.Estimation;

/// <summary>What one <c>ebm logz</c> estimate will run, decided before any work: the models, the request with its kernel resolved, and the cost.</summary>
/// <param name="Model">The model of MODEL.json (A under --versus).</param>
/// <param name="Reference">The reference model B of --versus, or null.</param>
/// <param name="Resolved">The request, "auto" replaced by the kernel it stands for.</param>
/// <param name="Cost">The run's cost, within the budget or forced.</param>
internal sealed record LogzPlan(IEnergyModel Model, IEnergyModel? Reference, LogzRequest Resolved, RunCost Cost);
