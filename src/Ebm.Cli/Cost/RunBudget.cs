using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Cost;

/// <summary>
/// The budget a run of <c>ebm</c> may spend without <c>--force</c>: <see cref="MaxUnitUpdates"/> unit updates and
/// <see cref="MaxMemoryBytes"/> bytes. A run over either is refused (exit code 2) before any work, with its cost.
/// </summary>
/// <remarks>
/// 1e11 unit updates is minutes on two cores: AIS on the 784 x 500 RBM runs about 1.35e8 unit updates a second
/// (19 us per particle-step of 2 evaluations x 1284 variables, README), so about 12 minutes; checkerboard Metropolis
/// on an Ising lattice 2e8 flips a second, about 8 minutes. Every example of the README costs far less: --compare
/// on the 16 x 16 torus with 200 particles and 1,000 steps 1.0e9, the 784 x 500 RBM by AIS with 100 particles and
/// 1,000 steps 2.6e8.
/// 4 GiB holds the largest default run (importance sampling of that RBM keeps 2e5 draws of 1284 variables, 2 GiB).
/// </remarks>
internal static class RunBudget
{
    /// <summary>Most unit updates a run may spend without --force.</summary>
    public const double MaxUnitUpdates = 1e11;

    /// <summary>Most bytes of states, draws and traces a run may hold without --force: 4 GiB.</summary>
    public const double MaxMemoryBytes = 4.0 * 1024 * 1024 * 1024;

    /// <summary>The cost when it is within the budget or <paramref name="force"/> is set; otherwise an error naming the cost, the budget, what to lower and --force.</summary>
    /// <param name="cost">The run's cost.</param>
    /// <param name="force">--force was given.</param>
    /// <param name="levers">The options that set the cost, e.g. "--particles, --steps or --leapfrog-steps".</param>
    public static Fin<RunCost> Check(RunCost cost, bool force, string levers)
    {
        if (force || cost.UnitUpdates <= MaxUnitUpdates && cost.MemoryBytes <= MaxMemoryBytes) return FinSucc(cost);
        var over = new List<string>();
        if (cost.UnitUpdates > MaxUnitUpdates) over.Add($"{RunCost.Count(cost.UnitUpdates)} unit updates (budget {RunCost.Count(MaxUnitUpdates)})");
        if (cost.MemoryBytes > MaxMemoryBytes) over.Add($"{RunCost.Bytes(cost.MemoryBytes)} of memory (budget {RunCost.Bytes(MaxMemoryBytes)})");
        return FinFail<RunCost>(CliErrors.OverBudget(
            $"this run would need {string.Join(" and ", over)}: {RunCost.Count(cost.EnergyEvaluations)} energy evaluations ({cost.Breakdown()}); " +
            $"lower {levers}, or pass --force to run it anyway"));
    }
}
