using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// Everything a training run needs to continue bit for bit: its state, the rows of its learning curve and the
/// settings it was started with (the JSON configuration, kept as text so the shell does not interpret it).
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="State">The train state at an evaluation.</param>
/// <param name="History">The evaluations up to and including that one.</param>
/// <param name="Settings">The run's configuration as a JSON object.</param>
public sealed record TrainCheckpoint<TModel>(TrainState<TModel> State, Seq<EvaluationRow> History, string Settings);
