using System.Numerics.Tensors;
using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training as a pure fold: an objective gives the loss gradient, an optimizer turns it into updates, and the family's
/// parameter layout turns the updated vector back into a model. <see cref="Step"/> is <c>TrainStep(key, state,
/// minibatch) -&gt; (state, metrics)</c>; <see cref="Epoch"/> folds it over one shuffled pass through the data.
/// </summary>
/// <example><code>
/// var trainer = new Trainer&lt;BernoulliRbm&gt;(RbmTraining.Parameters, RbmTraining.ExactLikelihood(), adam);
/// var trained =
///     from start in trainer.Init(RngKey.FromSeed(7), model)
///     from end in trainer.Epochs(start, data, batchSize: 10, epochs: 50)
///     select end.Model;
/// </code></example>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Parameters">The family's flat parameter layout.</param>
/// <param name="Objective">The loss and its negative phase.</param>
/// <param name="Optimizer">The gradient transformation (<see cref="Optimizers"/>); it sees the loss gradient.</param>
public sealed record Trainer<TModel>(ModelParameters<TModel> Parameters, Objective<TModel> Objective, GradientTransformation Optimizer)
{
    /// <summary>The state before the first step: the optimizer's initial state and the objective's starting chains.</summary>
    /// <param name="key">The run's root key (<see cref="TrainingKeys"/>).</param>
    /// <param name="model">The initial model.</param>
    public Fin<TrainState<TModel>> Init(RngKey key, TModel model) =>
        Objective.StartChains(TrainingKeys.Chains(key), model)
            .Map(chains => new TrainState<TModel>(model, Optimizer.Init(Parameters.ToVector(model)), chains, key, 0, 0));

    /// <summary>One update on one minibatch: the state after it and the objective's metrics.</summary>
    /// <param name="key">The step's key; <see cref="Epoch"/> passes <see cref="TrainingKeys.Step"/> of the state's step.</param>
    /// <param name="state">The state before the step.</param>
    /// <param name="minibatch">Examples as rows.</param>
    public Fin<(TrainState<TModel> State, Seq<Metric> Metrics)> Step(RngKey key, TrainState<TModel> state, Mat minibatch) =>
        from result in Objective.Step(key, state.Model, state.Chains, minibatch)
        from next in Advance(state, result.Gradient)
        select (state with { Model = next.Model, Optimizer = next.Optimizer, Chains = result.Chains, Step = state.Step + 1 }, result.Metrics);

    /// <summary>
    /// The minibatches left in the state's current epoch: the epoch's shuffle of <paramref name="data"/> cut into
    /// batches of <paramref name="batchSize"/> (the last may be smaller), less those the state has already taken (a
    /// state restored from a checkpoint written mid-epoch continues where it stopped).
    /// </summary>
    public Fin<Seq<Mat>> RemainingBatches(TrainState<TModel> state, Mat data, int batchSize) =>
        Minibatches.Of(TrainingKeys.Shuffle(state.Key, state.Epoch), data, batchSize)
            .Map(batches => batches.Skip((int)Math.Min(batches.Count, Math.Max(0, state.Step - (long)state.Epoch * batches.Count))));

    /// <summary>
    /// The rest of the current epoch: <see cref="Step"/> folded over <see cref="RemainingBatches"/>, each step with
    /// <see cref="TrainingKeys.Step"/>; the state's epoch count goes up by one. The metrics are the steps' means.
    /// </summary>
    public Fin<(TrainState<TModel> State, Seq<Metric> Metrics)> Epoch(TrainState<TModel> state, Mat data, int batchSize) =>
        SweptEpoch(state, data, batchSize).Match(
            Some: FinSucc,
            None: () =>
                from batches in RemainingBatches(state, data, batchSize)
                from run in Steps(state, batches)
                select EndOfEpoch(run.State, run.Sums, batches.Count));

    /// <summary>
    /// <see cref="Step"/> folded over consecutive <paramref name="batches"/>, the i-th with <see cref="TrainingKeys.Step"/>
    /// of the state's step plus i: the state after the last and the sums of the steps' metrics (empty for no batches).
    /// </summary>
    /// <remarks>
    /// Plain SGD (<see cref="Optimizers.Sgd"/>) with an objective that has a fused run on this trainer's layout (CD-k and
    /// PCD-k of the Bernoulli RBM) takes the steps on buffers kept for the whole run, updating the parameters in place
    /// instead of building a model and a gradient per step: the same bits as the fold, in less time and memory traffic.
    /// </remarks>
    public Fin<(TrainState<TModel> State, Seq<Metric> Sums)> Steps(TrainState<TModel> state, Seq<Mat> batches) =>
        Swept(state, batches).Match(Some: FinSucc, None: () => batches.Fold(
            FinSucc((State: state, Sums: Seq<Metric>())),
            (acc, batch) => acc.Bind(a => Step(TrainingKeys.Step(a.State.Key, a.State.Step), a.State, batch)
                .Map(r => (r.State, Accumulate(a.Sums, r.Metrics))))));

    /// <summary>The objective's fused run of <see cref="Steps"/>, when the optimizer is a lone scale and the run applies; else None.</summary>
    private Option<(TrainState<TModel> State, Seq<Metric> Sums)> Swept(TrainState<TModel> state, Seq<Mat> batches) =>
        Swept(state, batches.Map(b => new SweepBatch(b, null)).ToArray());

    private Option<(TrainState<TModel> State, Seq<Metric> Sums)> Swept(TrainState<TModel> state, IReadOnlyList<SweepBatch> batches)
    {
        if (batches.Count == 0 || Objective.Sweep is not { } sweep || !ReferenceEquals(sweep.Layout, Parameters)
            || !state.Optimizer.Buffers.IsEmpty || !PureScales.TryGet(Optimizer, out var scale))
            return None;
        var keys = new RngKey[batches.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = TrainingKeys.Step(state.Key, state.Step + i);
        return sweep.Run(state.Model, state.Chains, keys, batches, scale).Map(r => (
            state with
            {
                Model = r.Model, Chains = r.Chains, Step = state.Step + batches.Count,
                Optimizer = state.Optimizer with { Count = state.Optimizer.Count + batches.Count },
            }, r.Sums));
    }

    /// <summary>
    /// The rest of the epoch as one fused run reading the examples in place: the batches of <see cref="RemainingBatches"/>
    /// (the same shuffle, the same cuts, the same rows) as slices of the permutation over <paramref name="data"/>, never
    /// copied into matrices of their own. None when the run does not apply (then <see cref="Epoch"/> folds the copies).
    /// </summary>
    private Option<(TrainState<TModel> State, Seq<Metric> Metrics)> SweptEpoch(TrainState<TModel> state, Mat data, int batchSize)
    {
        if (data.Rows == 0 || batchSize < 1 || Objective.Sweep is null) return None;
        var order = Minibatches.Permutation(TrainingKeys.Shuffle(state.Key, state.Epoch), data.Rows);
        var count = (data.Rows + batchSize - 1) / batchSize;
        var skip = (int)Math.Min(count, Math.Max(0, state.Step - (long)state.Epoch * count));
        var batches = new SweepBatch[count - skip];
        for (var b = skip; b < count; b++)
        {
            var start = b * batchSize;
            batches[b - skip] = new SweepBatch(data, order.AsSpan(start, Math.Min(batchSize, data.Rows - start)).ToArray());
        }

        return Swept(state, batches).Map(r => EndOfEpoch(r.State, r.Sums, batches.Length));
    }

    private static (TrainState<TModel> State, Seq<Metric> Metrics) EndOfEpoch(TrainState<TModel> state, Seq<Metric> sums, int steps) =>
        (state with { Epoch = state.Epoch + 1 }, sums.Map(m => m with { Value = m.Value / Math.Max(1, steps) }));

    /// <summary><see cref="Epoch"/> until the state has completed <paramref name="epochs"/> epochs; the last epoch's metrics are dropped.</summary>
    public Fin<TrainState<TModel>> Epochs(TrainState<TModel> state, Mat data, int batchSize, int epochs)
    {
        var current = FinSucc(state);
        for (var e = state.Epoch; e < epochs; e++)
            current = current.Bind(s => Epoch(s, data, batchSize).Map(r => r.State));
        return current;
    }

    /// <summary>
    /// The model and the optimizer state after the loss gradient's update, the model as the objective keeps its
    /// parameters (<see cref="Objective{TModel}.Keep"/>: float32 numbers for float32 products).
    /// </summary>
    private Fin<(TModel Model, TransformState Optimizer)> Advance(TrainState<TModel> state, Vec gradient) =>
        from next in ScaledStep(state, gradient).Match(Some: FinSucc, None: () => Update(state, gradient))
        from kept in Objective.Keep is { } keep
            ? keep(next.Model).Match(Some: FinSucc, None: () => FinFail<TModel>(TrainingErrors.NotFinite("the parameters", state.Step)))
            : FinSucc(next.Model)
        select (kept, next.Optimizer);

    /// <summary>
    /// Plain SGD (a lone <see cref="Transforms.Scale"/>) on a layout with a one-pass step (<see cref="ScaledDescents{TModel}"/>):
    /// the same bits as <see cref="Update"/> without its intermediate vectors. None when either is missing or the step
    /// declines (then <see cref="Update"/> gives the result or the error).
    /// </summary>
    private Option<(TModel Model, TransformState Optimizer)> ScaledStep(TrainState<TModel> state, Vec gradient) =>
        state.Optimizer.Buffers.IsEmpty && PureScales.TryGet(Optimizer, out var scale) && ScaledDescents<TModel>.TryGet(Parameters, out var step)
            ? step(state.Model, gradient, scale).Map(model => (model, state.Optimizer with { Count = state.Optimizer.Count + 1 }))
            : None;

    /// <summary>The general update: the optimizer's updates added to the flattened parameters, checked finite, cut back into a model.</summary>
    private Fin<(TModel Model, TransformState Optimizer)> Update(TrainState<TModel> state, Vec gradient) =>
        from parameters in FinSucc(Parameters.ToVector(state.Model))
        from update in Optimizer.Update(gradient, state.Optimizer, parameters)
        from next in Optimizers.ApplyUpdates(parameters, update.Updates)
        from finite in AllFinite(next) ? FinSucc(next) : FinFail<Vec>(TrainingErrors.NotFinite("the parameters", state.Step))
        from model in Parameters.FromVector(state.Model, finite)
        select (model, update.State);

    private static Seq<Metric> Accumulate(Seq<Metric> sums, Seq<Metric> metrics) =>
        sums.IsEmpty ? metrics : sums.Zip(metrics).Map(p => p.Item1 with { Value = p.Item1.Value + p.Item2.Value });

    private static bool AllFinite(Vec values) => TensorPrimitives.IsFiniteAll(values.Span);
}
