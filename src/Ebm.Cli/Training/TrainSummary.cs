using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Training;
using LanguageExt;

namespace Ebm.Cli.Training;

/// <summary>The report <c>ebm train</c> prints on stdout when the run is done: what was trained, with its seed, and the final metrics.</summary>
internal static class TrainSummary
{
    /// <summary>The report's lines.</summary>
    public static string Text<TModel>(TrainSettings s, TrainingData data, TrainOutcome<TModel> outcome, RunCost cost, TrainFolder folder, Option<int> resumedFrom, double seconds)
        where TModel : Functional.Models.IEnergyModel
    {
        var last = outcome.History.IsEmpty ? LanguageExt.Seq<Functional.Training.Metric>.Empty : outcome.History.Last.Metrics;
        var objective = s.Objective switch
        {
            "cd" or "pcd" => $"{s.Objective} (k = {s.K}{(s.Objective == "pcd" ? $", {s.Chains} chains" : "")})",
            "tempered" => $"tempered ({s.Chains} chains, {s.Replicas} replicas)",
            _ => s.Objective,
        };
        var lines = new List<string>
        {
            $"model          {s.Model}{(s.HasHidden ? $", {data.Train.Columns} visible x {outcome.State.Model.Dimension - data.Train.Columns} hidden" : $", {data.Train.Columns} units")}",
            $"data           {data.Description}: {data.Train.Rows} training, {data.Test.Match(t => t.Rows, () => 0)} test examples",
            $"objective      {objective}",
            $"optimizer      {s.Optimizer}, lr {Numbers.Table(s.LearningRate)}, weight decay {Numbers.Table(s.WeightDecay)}, batch {s.Batch}",
            $"seed           {s.Seed}",
            $"epochs         {outcome.State.Epoch} ({outcome.State.Step} updates){resumedFrom.Match(e => $", resumed after epoch {e}", () => "")}",
            $"cost           {cost.Text()}",
        };
        lines.AddRange(last.Map(m => $"{m.Name,-14} {Numbers.Table(m.Value)}"));
        if (s.IsNetwork && data.Train.Columns - (s.Model == "mlp-classifier" ? 1 : 0) == 2)
            lines.AddRange(data.GaussianLogLikelihood().Map(v => $"gaussian-ll    {Numbers.Table(v)} (a Gaussian fitted to the training examples, on the {(data.Test.IsSome ? "test" : "training")} examples)"));
        lines.AddRange(data.SourceLogLikelihood.Map(v => $"source-ll      {Numbers.Table(v)} (the toy's exact density on the {(data.Test.IsSome ? "test" : "training")} examples)"));
        lines.Add($"time           {seconds:F3} s");
        lines.Add($"out            {folder.Path}");
        return string.Join(Environment.NewLine, lines);
    }
}
