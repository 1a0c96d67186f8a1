using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// <c>ebm logz --method smc --repetitions 1</c>: one SMC run with global resampling (<see cref="SmcBlocks"/>,
/// <see cref="SmcCoordinator"/>), its particles in blocks of <see cref="SmcBlocks.Size"/> that stay on the workers of a
/// cluster between steps (<see cref="IBlockExecutor"/>), or in this process without --cluster; the same bits either way.
/// </summary>
internal static class SmcGlobalWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "logz.smc-block";

    /// <summary>The stateful kind a worker registers: a block opened on the path rebuilt from the model file and the request.</summary>
    public static StatefulWorkKind<SmcGlobalInput> Remote { get; } =
        new(Name, input => WorkerPaths.Use(input.Model, input.Request, new Opener(input)), WorkCodec<SmcGlobalInput>.Json("an SMC block's input"));

    /// <summary>The estimate of the run on <paramref name="path"/>: on the input's cluster when it has one, else in this process.</summary>
    public static Fin<LogZEstimate> Estimate<TState>(EstimationInput input, AnnealingPath<TState> path, AnnealingSchedule? schedule)
    {
        var (r, key) = (input.Request, input.Key);
        var progress = schedule is null ? EstimationInput.AdaptiveFraction(input.Progress) : EstimationInput.Fraction(input.Progress);
        return Outcomes.ToFin(SmcBlockWork.Options(r, schedule)).Bind(options =>
        {
            var run = input.Executor is IBlockExecutor cluster
                ? Inputs(input.Model, r, schedule, key, options.Particles).Bind(inputs =>
                    cluster.Run(Name, inputs, session => Outcomes.ToFin(SmcCoordinator.Run(key, path, options, new SmcClusterHost(session), progress))))
                : Outcomes.ToFin(SmcBlocks.Run(key, path, options, progress));
            return run.Map(single => Smc.Combine([single.ToRepetition()]).Estimate);
        });
    }

    private static Fin<string[]> Inputs(Functional.Models.IEnergyModel model, LogzRequest request, AnnealingSchedule? schedule, RngKey key, int particles) =>
        WorkerPaths.Shipped(model, request).Map(shipped =>
        {
            var (text, points, codec) = (ModelFile.Serialize(model), schedule?.Points.Span.ToArray(), WorkCodec<SmcGlobalInput>.Json(""));
            return Enumerable.Range(0, SmcBlocks.Count(particles)).Select(b => codec.Write(new SmcGlobalInput(text, shipped, points, key.K0, key.K1, b))).ToArray();
        });

    private sealed class Opener(SmcGlobalInput input) : IPathUser<(IStatefulBlock, string)>
    {
        public Fin<(IStatefulBlock, string)> Use<TState>(PathPack<TState> pack)
        {
            if (!SmcParticleCodec.Supports<TState>())
                return FinFail<(IStatefulBlock, string)>(ExecutionErrors.BadMessage("an SMC block's input", $"particles of type {typeof(TState).Name} cannot move between workers"));
            var options = input.Schedule is { } points
                ? Outcomes.ToFin(AnnealingSchedule.Create(Vec.Of(points), input.Request.Schedule).Bind(s => SmcBlockWork.Options(input.Request, s)))
                : Outcomes.ToFin(SmcBlockWork.Options(input.Request, null));
            var key = new RngKey(input.Key0, input.Key1);
            return from chosen in options
                   from particles in Outcomes.ToFin(SmcBlocks.Init(key, pack.Path, chosen.Particles, input.Block))
                   select ((IStatefulBlock)new SmcWorkerBlock<TState>(pack.Path, chosen, key, input.Block, particles), $"{pack.Path.Count(particles)}");
        }
    }
}
