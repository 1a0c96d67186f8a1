using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// Everything training carries from one step to the next, as immutable data: a checkpoint is this record and
/// nothing else, so a run resumed from it continues bit for bit as if it had never stopped.
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Model">The model after <see cref="Step"/> updates.</param>
/// <param name="Optimizer">The optimizer's state.</param>
/// <param name="Chains">The objective's persistent chains (<see cref="Objective{TModel}"/>).</param>
/// <param name="Key">The run's root key: step t of epoch e draws from keys derived from it, never from a stream.</param>
/// <param name="Step">Updates made so far, over all epochs.</param>
/// <param name="Epoch">Epochs completed so far.</param>
public sealed record TrainState<TModel>(TModel Model, TransformState Optimizer, Seq<Mat> Chains, RngKey Key, long Step, int Epoch);
