using Ebm.Cli.Output;
using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Optim;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using Spectre.Console;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The showcase's training run: a 9 x 16 Bernoulli RBM learns all 14 bars-and-stripes images of 3 x 3 by exact maximum
/// likelihood (Adam, learning rate 0.1, the whole data set per update), and its exact average log-likelihood climbs
/// from that of a near-uniform model (-6.24) to within about a hundredth of a nat of the best any model can reach,
/// -log 14 = -2.639 (0.0098 short with the default seed 2024), in about a second. The same run as <c>ebm train --model bernoulli-rbm --hidden 16 --data builtin:bars-and-stripes:3
/// --objective exact --optimizer adam --lr 0.1 --batch 14 --epochs 300 --eval-every 50</c>, seeded alike.
/// </summary>
internal static class ShowcaseTraining
{
    public const int Side = 3, Hidden = 16, Epochs = 300, EvaluateEvery = 50;

    public const double LearningRate = 0.1, InitialScale = 0.01;

    /// <summary>The evaluations of the run (epoch 0 first), or the error that stopped it.</summary>
    public static Fin<Seq<EvaluationRow>> Run(ulong seed) =>
        from data in BarsAndStripes.All(Side)
        from model in Outcomes.ToFin(SeededRbm.Create(RngKey.FromSeed(seed).FoldIn(TrainingStream), Side * Side, Hidden, InitialScale))
        from adam in Outcomes.ToFin(Optimizers.Adam(LearningRate))
        let trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ExactLikelihood(), adam)
        from start in trainer.Init(RngKey.FromSeed(seed), model)
        let evaluator = Evaluation.ForBernoulliRbm()
        from outcome in TrainRunner.Run(trainer, start, Seq<EvaluationRow>(), new TrainSchedule(data, data.Rows, Epochs, EvaluateEvery),
            (key, m, chains) => evaluator.Evaluate(key, m, data, None, chains), (_, _) => FinSucc(unit))
        select outcome.History;

    /// <summary>The table of the run: the exact average log-likelihood at each evaluation and its distance from -log 14.</summary>
    public static Table Table(Fin<Seq<EvaluationRow>> run, ulong seed, List<string> notes)
    {
        var best = -Math.Log(2 * (1 << Side) - 2);
        var table = new Table()
            .Title(Markup.Escape(
                $"Training: RBM {Side * Side} x {Hidden} on the 14 bars-and-stripes {Side} x {Side} images, exact maximum likelihood, Adam lr {LearningRate}, seed {seed}"))
            .AddColumns("epoch", "exact log-likelihood", "best possible (−log 14)", "gap");
        foreach (var column in table.Columns) column.RightAligned();
        run.Match(
            Succ: rows =>
            {
                foreach (var row in rows)
                    row.Metrics.Find(m => m.Name == EvaluationMetrics.TrainLogLikelihood).IfSome(ll =>
                        table.AddRow(row.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), Numbers.Table(ll.Value), Numbers.Table(best), Numbers.Table(best - ll.Value)));
            },
            Fail: e => notes.Add($"training: {e.Message}"));
        return table;
    }

    /// <summary>The learning curve of the run: the exact log-likelihood against the epoch, with -log 14 as the reference.</summary>
    public static byte[] Png(Seq<EvaluationRow> rows, ulong seed) =>
        LearningCurvePlot.RenderPng(
            [.. rows.Map(r => ((double)r.Epoch, r.Metrics))],
            $"Training: RBM {Side * Side} x {Hidden} on bars-and-stripes {Side} x {Side}, exact maximum likelihood, seed {seed}",
            (-Math.Log(2 * (1 << Side) - 2), "best possible, −log 14"));

    /// <summary>The key stream of the initial weights, apart from the showcase's other draws.</summary>
    private const long TrainingStream = 0x7EA;
}
