using Ebm.Cli.Estimation;
using Ebm.Cli.Thermo;
using Ebm.Functional.Shell.Execution;

namespace Ebm.Cli.Commands;

/// <summary>Every kind of work an <c>ebm worker</c> runs for the commands that take <c>--cluster</c>.</summary>
internal static class ClusterWorkCatalog
{
    /// <summary>
    /// The catalogue: the AIS, reverse AIS and sandwich blocks and the SMC repetitions and the stateful blocks of a single SMC run of <c>ebm logz</c>, the Wang-Landau
    /// walkers of <c>ebm dos</c> and <c>ebm thermo</c>, the particle blocks of <c>ebm thermo --method ais</c>, and the minibatch shards of <c>ebm train</c>.
    /// </summary>
    public static WorkCatalog Catalog { get; } =
        WorkCatalog.Of(AisBlockWork.Remote, ReverseBlockWork.ReverseRemote, ReverseBlockWork.SandwichRemote, SmcBlockWork.Remote, WalkerWork.Kind,
            SmcGlobalWork.Remote, Training.TrainShardWork.Kind, AnnealedBlockWork.Kind,
            TemperingGlobalWork.Remote);
}
