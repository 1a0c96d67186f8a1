using Ebm.Cli.Output;
using Ebm.Functional.Cluster;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// <c>ebm train --cluster HOST:PORT</c>: what trains on a cluster (CD-k and PCD-k of the Bernoulli RBM, each minibatch's
/// fixed shards computed by the workers and combined here in their fixed tree, the optimizer step taken here), and the
/// message of a run whose workers are all gone, which names the checkpoint to resume from.
/// </summary>
internal static class TrainCluster
{
    /// <summary>The objectives of <c>--model bernoulli-rbm</c> that train on a cluster.</summary>
    public static readonly string[] Objectives = ["cd", "pcd"];

    /// <summary>The settings when they train on a cluster; otherwise an error naming what does.</summary>
    /// <param name="settings">The run's settings.</param>
    public static Fin<TrainSettings> Check(TrainSettings settings) =>
        settings.Model == "bernoulli-rbm" && Objectives.Contains(settings.Objective)
            ? FinSucc(settings)
            : FinFail<TrainSettings>(CliErrors.InvalidOption("--cluster",
                $"--objective {settings.Objective} of --model {settings.Model} trains on this machine only; on a cluster: --objective cd and pcd of --model bernoulli-rbm"));

    /// <summary>The Bernoulli RBM's family with CD-k and PCD-k computing their shards on <paramref name="executor"/> (the same bits as here).</summary>
    /// <param name="executor">Where the shards run.</param>
    public static TrainFamily<BernoulliRbm> BernoulliRbm(IExecutor executor)
    {
        var shards = TrainShardWork.On(executor);
        var objectives = new Dictionary<string, Func<TrainSettings, Functional.Numerics.Mat, Fin<Objective<BernoulliRbm>>>>
        {
            ["cd"] = (s, _) => FinSucc(RbmTraining.ShardedContrastiveDivergence(shards, s.K, TrainFamilies.Precision(s))),
            ["pcd"] = (s, _) => FinSucc(RbmTraining.ShardedPersistentContrastiveDivergence(shards, s.Chains, s.K, TrainFamilies.Precision(s))),
        };
        return TrainFamilies.BernoulliRbm with { Objectives = objectives };
    }

    /// <summary>
    /// A run's error, with the way back when the cluster's workers are all gone: the last checkpoint written and the command
    /// that resumes from it on any cluster (or on this machine, without --cluster), with the same bits.
    /// </summary>
    /// <param name="error">Why the run stopped.</param>
    /// <param name="folder">The run's output folder.</param>
    /// <param name="checkpoint">The epoch and step of the last checkpoint written, if any.</param>
    public static Error Stopped(Error error, string folder, Option<(int Epoch, long Step)> checkpoint) =>
        error.Code is ClusterErrors.WorkersLostCode or ClusterErrors.NoWorkersCode
            ? Error.New(error.Code, error.Message + checkpoint.Match(
                c => $"; the last checkpoint (epoch {c.Epoch}, step {c.Step}) is in {folder}: continue with `ebm train --resume {folder} --cluster HOST:PORT` (or without --cluster, on this machine)",
                () => "; no checkpoint was written"))
            : error;
}
