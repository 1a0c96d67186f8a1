using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// An objective's fused run of consecutive plain-SGD steps (θ ← θ + s · g after each), on buffers it keeps for the run
/// and parameters it updates in place: the same bits as folding <see cref="Trainer{TModel}.Step"/>, without a fresh model
/// and gradient per step. <see cref="Run"/> answers None when it cannot (a minibatch or chains it would reject, a
/// non-finite parameter), and the trainer then folds the steps one by one, which gives the same result or the error.
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Layout">The parameter layout the run's gradient is in; a trainer with another layout does not use it.</param>
/// <param name="Run">(model, chains, step keys, minibatches, s) to the model and chains after the last step and the sums of the steps' metrics.</param>
internal sealed record ObjectiveSweep<TModel>(
    ModelParameters<TModel> Layout,
    Func<TModel, Seq<Mat>, IReadOnlyList<RngKey>, IReadOnlyList<SweepBatch>, double, Option<(TModel Model, Seq<Mat> Chains, Seq<Metric> Sums)>> Run);
