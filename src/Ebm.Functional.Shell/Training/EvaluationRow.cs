using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// One row of a run's learning curve: the metrics measured after <paramref name="Epoch"/> epochs
/// (<paramref name="Step"/> updates), one line of <c>metrics.csv</c>.
/// </summary>
/// <param name="Epoch">Epochs completed when the row was measured (0: the initial model).</param>
/// <param name="Step">Updates made when the row was measured.</param>
/// <param name="Metrics">The epoch's mean step metrics followed by the evaluation's metrics, in the order measured.</param>
public sealed record EvaluationRow(int Epoch, long Step, Seq<Metric> Metrics);
