using Ebm.Cli.Estimation;
using Ebm.Cli.Thermo;
using Ebm.Functional.Shell.Execution;

namespace Ebm.Cli.Commands;

/// <summary>Every kind of work an <c>ebm worker</c> runs for the commands that take <c>--cluster</c>.</summary>
internal static class ClusterWorkCatalog
{
    /// <summary>The catalogue: AIS blocks and SMC repetitions of <c>ebm logz</c>, Wang-Landau walkers of <c>ebm dos</c> and <c>ebm thermo</c>.</summary>
    public static WorkCatalog Catalog { get; } = WorkCatalog.Of(AisBlockWork.Remote, SmcBlockWork.Remote, WalkerWork.Kind);
}
