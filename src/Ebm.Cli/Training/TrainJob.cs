using System.Diagnostics;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Cluster;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// One run of <c>ebm train</c>, fresh or resumed: reads the data, builds or loads the model, states the cost, trains
/// with <see cref="TrainRunner"/> (a checkpoint and <c>metrics.csv</c> after every evaluation), then writes the model,
/// the plots and the manifest into the output folder and prints a summary with the seed.
/// </summary>
internal static class TrainJob
{
    /// <summary>
    /// Runs <paramref name="settings"/> into <paramref name="folder"/>; <paramref name="resume"/> says the folder holds a
    /// checkpoint to continue. On a cluster's <paramref name="executor"/> (<see cref="TrainCluster"/>), the minibatches'
    /// shards run on its workers, with the same bits, the same checkpoints and the same output as here.
    /// </summary>
    public static int Run(CliContext context, TrainSettings settings, TrainFolder folder, bool resume, bool force, string? configPath, IExecutor? executor = null, string? gateway = null) =>
        settings.Model switch
        {
            "bernoulli-rbm" => Run(context, executor is null or LocalExecutor ? TrainFamilies.BernoulliRbm : TrainCluster.BernoulliRbm(executor),
                settings, folder, resume, force, configPath, executor, gateway),
            "gaussian-bernoulli-rbm" => Run(context, TrainFamilies.GaussianBernoulliRbm(settings.LearnSigma), settings, folder, resume, force, configPath),
            "boltzmann-machine" => Run(context, TrainFamilies.BoltzmannMachine, settings, folder, resume, force, configPath),
            "ising" => Run(context, TrainFamilies.Ising, settings, folder, resume, force, configPath),
            "mlp" => Run(context, NetworkFamilies.Energy, settings, folder, resume, force, configPath),
            "mlp-classifier" => Run(context, NetworkFamilies.Classifier, settings, folder, resume, force, configPath),
            // TrainSettings.Check lets only the six families through; another name here is a bug.
            _ => throw new InvalidOperationException($"no training family for model {settings.Model}"),
        };

    private static int Run<TModel>(CliContext context, TrainFamily<TModel> family, TrainSettings s, TrainFolder folder, bool resume, bool force, string? configPath,
        IExecutor? executor = null, string? gateway = null)
        where TModel : IEnergyModel
    {
        var clock = Stopwatch.StartNew();
        if (!family.Objectives.TryGetValue(s.Objective, out var objective))
            return ErrorReport.Write(context, TrainConfigErrors.Unsupported(s.Model, s.Objective, family.Objectives.Keys));
        var settingsJson = TrainSettingsJson.Write(s);
        var prepared =
            from data in TrainDataSource.Load(s, family.DataStates)
            from resumed in resume ? CheckpointFile.Load<TModel>(folder.File(TrainFolder.Checkpoint)).Map(Some) : FinSucc(Option<TrainCheckpoint<TModel>>.None)
            from model in resumed.Match(c => FinSucc(c.State.Model), () => StartingModel(family, s, data))
            from fits in CheckWidth(family, model, data)
            from hidden in s.Hidden == 0 || Hidden(model) == s.Hidden
                ? FinSucc(unit)
                : FinFail<Unit>(TrainConfigErrors.Mismatch("--hidden", $"is {s.Hidden}, but the model to resume or start from has {Hidden(model)} hidden units"))
            from cost in RunBudget.Check(Cost(s, data, model), force, TrainCost.Levers)
            from optimizer in TrainOptimizers.Build(s, family.Parameters.DecayMask(model))
            from built in objective(s, data.Train)
            let trainer = new Trainer<TModel>(family.Parameters, built, optimizer)
            from start in resumed.Match(c => FinSucc(c.State), () => trainer.Init(TrainRunKeys.Root(s.Seed), model))
            from longEnough in start.Epoch <= s.Epochs
                ? FinSucc(unit)
                : FinFail<Unit>(CliErrors.InvalidOption("--epochs", $"the checkpoint has completed {start.Epoch} epochs already, more than {s.Epochs}"))
            from outputs in folder.Prepare(context.Cancellation, ("--data", DataFile(s)), ("--test", s.Test), ("--init", s.Init), ("CONFIG.json", configPath))
            select (data, resumed, trainer, start, cost, outputs);
        return prepared.Match(
            Succ: p => Train(context, family, s, folder, force, settingsJson, clock, p.data, p.resumed, p.trainer, p.start, p.cost, p.outputs, executor, gateway),
            Fail: e => ErrorReport.Write(context, e));
    }

    private static int Train<TModel>(CliContext context, TrainFamily<TModel> family, TrainSettings s, TrainFolder folder, bool force, string settingsJson, Stopwatch clock,
        TrainingData data, Option<TrainCheckpoint<TModel>> resumed, Trainer<TModel> trainer, TrainState<TModel> start, RunCost cost, RunOutputs outputs, IExecutor? executor, string? gateway)
        where TModel : IEnergyModel
    {
        var schedule = new TrainSchedule(data.Train, s.Batch, s.Epochs, s.EvalEvery);
        var lastCheckpoint = resumed.Map(c => (c.State.Epoch, c.State.Step));
        Fin<Unit> Checkpoint(TrainState<TModel> state, Seq<EvaluationRow> history) =>
            from saved in CheckpointFile.Save(outputs.Find(TrainFolder.Checkpoint)!, new TrainCheckpoint<TModel>(state, history, settingsJson))
            from metrics in outputs.Find(TrainFolder.Metrics)!.WriteAllText(MetricsCsv.Write(history))
            from noted in FinSucc(lastCheckpoint = Some((state.Epoch, state.Step)))
            select unit;
        var outcome = TrainProgressDisplay.Run(context, progress => TrainRunner.Run(
            trainer, start, resumed.Match(c => c.History, () => Seq<EvaluationRow>()), schedule,
            (key, model, chains) => family.Evaluator.Evaluate(key, model, data.Train, data.Test, chains),
            Checkpoint, progress));
        if (outcome.IsFail) return ErrorReport.Write(context, TrainCluster.Stopped((Error)outcome, folder.Path, lastCheckpoint));
        var result = (TrainOutcome<TModel>)outcome;

        var written = new List<string> { TrainFolder.Checkpoint, TrainFolder.Metrics };
        var finals = TrainArtifacts.Write(family, s, data, result, outputs, written);
        if (finals.IsFail) return ErrorReport.Write(context, (Error)finals);
        var manifest = TrainManifest.Write(s, settingsJson, data, result.State.Model.Kind, result.State.Model.Dimension, result.State.Step, result.State.Epoch,
            result.History, cost, force, resumed.Map(c => c.State.Epoch).ToNullable(), clock.Elapsed.TotalSeconds, written.Append(TrainFolder.Manifest),
            executor is ClusterExecutor cluster ? (gateway ?? "", cluster.WorkersUsed) : null);
        var saved = outputs.Find(TrainFolder.Manifest)!.WriteAllText(manifest);
        if (saved.IsFail) return ErrorReport.Write(context, (Error)saved);
        context.Out.WriteLine(TrainSummary.Text(s, data, result, cost, folder, resumed.Map(c => c.State.Epoch), clock.Elapsed.TotalSeconds));
        return ExitCodes.Success;
    }

    /// <summary>The --init model (of the family's kind) or the family's seeded one.</summary>
    private static Fin<TModel> StartingModel<TModel>(TrainFamily<TModel> family, TrainSettings s, TrainingData data)
        where TModel : IEnergyModel =>
        s.Init is null
            ? family.Initial(TrainRunKeys.Initial(s.Seed), s, data.Train)
            : (s.Init.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) ? ModelNpz.Load(s.Init, family.Parameters.Family) : ModelFile.Load(s.Init)).Bind(model => model is TModel typed
                ? FinSucc(typed)
                : FinFail<TModel>(TrainConfigErrors.Mismatch("--init", $"{s.Init} holds a {model.Kind} model; --model {s.Model} trains a {family.Parameters.Family}")));

    private static Fin<Unit> CheckWidth<TModel>(TrainFamily<TModel> family, TModel model, TrainingData data)
        where TModel : IEnergyModel
    {
        var width = family.Width(model);
        if (data.Train.Columns != width)
            return FinFail<Unit>(TrainConfigErrors.Mismatch("--data", $"the examples have {data.Train.Columns} values, the model {width} visible units"));
        return data.Test.Match(
            t => t.Columns == width ? FinSucc(unit) : FinFail<Unit>(TrainConfigErrors.Mismatch("--test", $"the examples have {t.Columns} values, the model {width} visible units")),
            () => FinSucc(unit));
    }

    private static RunCost Cost(TrainSettings s, TrainingData data, IEnergyModel model) => model switch
    {
        MlpEnergy energy => TrainCost.ForNetwork(s, data.Train.Rows, data.Test.Match(t => t.Rows, () => 0), energy.Network),
        MlpClassifier classifier => TrainCost.ForNetwork(s, data.Train.Rows, data.Test.Match(t => t.Rows, () => 0), classifier.Network),
        _ => TrainCost.For(s, data.Train.Rows, data.Test.Match(t => t.Rows, () => 0), data.Train.Columns, Hidden(model), model is GaussianBernoulliRbm),
    };

    private static int Hidden(IEnergyModel model) => model switch
    {
        BernoulliRbm rbm => rbm.Hidden,
        GaussianBernoulliRbm rbm => rbm.Hidden,
        _ => 0,
    };

    private static string? DataFile(TrainSettings s) => s.Data.StartsWith(TrainDataSource.Builtin, StringComparison.Ordinal) ? null : s.Data;
}
