using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// A training objective as a pure pair: <see cref="StartChains"/> builds the negative phase's persistent state, and
/// <see cref="Step"/> maps (key, model, chains, minibatch) to the loss gradient, the next chains and metrics.
/// </summary>
/// <remarks>
/// The chains are plain matrices (one per tempering rung, or one for PCD, none for exact ML, CD-k, pseudolikelihood
/// and ratio matching), so a <see cref="TrainState{TModel}"/> is data that a checkpoint stores and restores exactly;
/// the objective rebuilds its sampler's state (cached energies) from them at each step.
/// </remarks>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Name">The objective's name as <c>ebm train --objective</c> spells it ("exact", "cd", "pcd", ...).</param>
/// <param name="StartChains">The persistent chains for a model at the start of training (empty when the objective keeps none).</param>
/// <param name="Step">One gradient of the loss on a minibatch (rows are examples), with the chains it leaves.</param>
public sealed record Objective<TModel>(
    string Name,
    Func<RngKey, TModel, Fin<Seq<Mat>>> StartChains,
    Func<RngKey, TModel, Seq<Mat>, Mat, Fin<ObjectiveResult>> Step)
{
    /// <summary>The objective's fused run of plain-SGD steps, when it has one (<see cref="Trainer{TModel}.Steps"/> uses it).</summary>
    internal ObjectiveSweep<TModel>? Sweep { get; init; }

    /// <summary>
    /// How the objective keeps the parameters between updates, when it keeps them narrower than double (float32 products
    /// on float32 parameters: <see cref="ProductPrecision.Single"/>): the trainer passes every updated model through it,
    /// on every path and for every optimizer. None when a kept parameter is not finite (a double beyond the float range).
    /// </summary>
    internal Func<TModel, Option<TModel>>? Keep { get; init; }
}
