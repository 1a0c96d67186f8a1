using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// <c>ebm thermo --method pt|reweighting</c>: parallel tempering whose rungs live in blocks on the workers of a cluster
/// between steps (<see cref="TemperingBlocks"/>, <see cref="TemperingCoordinator"/>, <see cref="IBlockExecutor"/>), or
/// <see cref="ThermoSweep.Sample"/> in this process without --cluster; the same bits either way.
/// </summary>
internal static class TemperingGlobalWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "thermo.pt-block";

    /// <summary>
    /// Blocks of a run on a cluster: six (fewer when there are fewer rungs), so that one, two or three workers hold equal
    /// shares; the client does not know the number of workers when it cuts the ladder, and the bits do not depend on it.
    /// </summary>
    public const int ClusterBlocks = 6;

    /// <summary>The stateful kind a worker registers: a block opened on the model rebuilt from its file.</summary>
    public static StatefulWorkKind<TemperingBlockInput> Remote { get; } =
        new(Name, Open, WorkCodec<TemperingBlockInput>.Json("a tempering block's input"));

    /// <summary>The samples of the run: on <paramref name="executor"/>'s cluster when it has one, else <see cref="ThermoSweep.Sample"/> here.</summary>
    /// <param name="executor">This machine's executor, or a cluster's.</param>
    /// <param name="key">The run's key.</param>
    /// <param name="model">The model.</param>
    /// <param name="betas">The grid.</param>
    /// <param name="settings">Chains, sweeps and burn-in.</param>
    /// <param name="progress">Receives the fraction of sweeps done.</param>
    /// <param name="sliceNumbers">On a cluster, most numbers one reply of traces carries.</param>
    public static Fin<TemperingSamples> Sample(
        IExecutor executor, RngKey key, IEnergyModel model, IReadOnlyList<double> betas, TemperingSettings settings, IProgress<double>? progress,
        int sliceNumbers = TemperingClusterHost.DefaultSliceNumbers) =>
        executor is IBlockExecutor cluster
            ? ThermoSweep.Plan(model, betas, settings).Bind(plan =>
            {
                var layout = TemperingBlocks.Layout(plan.Ladder.Count, ClusterBlocks);
                return cluster.Run(Name, Inputs(key, plan, layout), session => TemperingCoordinator.Run(key, plan, new TemperingClusterHost(session, layout, plan, sliceNumbers), progress));
            })
            : ThermoSweep.Sample(key, model, betas, settings, progress);

    private static string[] Inputs(RngKey key, TemperingPlan plan, Seq<RungRange> layout)
    {
        var (text, ladder, codec) = (ModelFile.Serialize(plan.Model), plan.Ladder.Map(BitConverter.DoubleToInt64Bits).ToArray(), WorkCodec<TemperingBlockInput>.Json(""));
        var s = plan.Settings;
        return layout.Map(range => codec.Write(new TemperingBlockInput(text, ladder, s.Chains, s.Sweeps, s.BurnIn, key.K0, key.K1, range.First, range.Count))).ToArray();
    }

    private static Fin<(IStatefulBlock, string)> Open(TemperingBlockInput input) =>
        from model in ModelFile.Parse(input.Model)
        let settings = new TemperingSettings(input.Chains, input.Sweeps, input.BurnIn)
        from block in TemperingBlocks.Open(new RngKey(input.Key0, input.Key1), model, input.Ladder.Select(BitConverter.Int64BitsToDouble).ToArray(), settings,
            new RungRange(input.First, input.Count))
        select ((IStatefulBlock)new TemperingWorkerBlock(block, settings.BurnIn + settings.Sweeps), $"rungs {input.First} to {input.First + input.Count - 1}");
}
