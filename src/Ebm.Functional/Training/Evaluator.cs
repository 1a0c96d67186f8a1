using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// The evaluation of one model family during training, as a pure function: (key, model, training data, test data,
/// persistent chains) to the metrics named in <see cref="EvaluationMetrics"/>. Built by <see cref="Evaluation"/>.
/// </summary>
/// <remarks>
/// The key is <see cref="TrainingKeys.Evaluation"/> of the evaluation's index, so an evaluation gives the same bits
/// however the run was interrupted and resumed. The chains are the <see cref="TrainState{TModel}.Chains"/> the
/// objective keeps; the evaluation reads copies and never changes the training state.
/// </remarks>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Family">The family's name, as the model's <c>Kind</c>.</param>
/// <param name="Evaluate">
/// The metrics of a model: data as rows, the test set optional (its metrics are absent without it), the chains possibly
/// empty. An error when the data does not fit the model (width, values outside the model's states) or an estimator fails.
/// </param>
public sealed record Evaluator<TModel>(string Family, Func<RngKey, TModel, Mat, Option<Mat>, Seq<Mat>, Fin<Seq<Metric>>> Evaluate);
