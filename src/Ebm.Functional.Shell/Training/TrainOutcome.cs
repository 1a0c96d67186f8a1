using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Shell.Training;

/// <summary>Where a training run ended: the final state and every row of its learning curve.</summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="State">The state after the last epoch.</param>
/// <param name="History">The evaluations, oldest first, the initial model's first.</param>
public sealed record TrainOutcome<TModel>(TrainState<TModel> State, Seq<EvaluationRow> History);
