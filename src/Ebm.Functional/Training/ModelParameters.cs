using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>
/// How one model family's trainable parameters map to one flat vector, the currency of the optimizers
/// (<see cref="Optim.GradientTransformation"/>) and of the objectives' gradients.
/// </summary>
/// <remarks>
/// The layout is fixed per family and documented where the family's instance is built (for the RBMs: W row-major,
/// then b, then c, the order of the <c>.npz</c> arrays). Parameters held fixed (a Gaussian-Bernoulli RBM's sigma when
/// it is not learned) are not in the vector at all, so no optimizer, weight decay or penalty can move them.
/// </remarks>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Family">The family's name, as the model's <c>Kind</c> ("bernoulli-rbm", ...).</param>
/// <param name="ToVector">The trainable parameters of a model, flattened.</param>
/// <param name="FromVector">
/// The model with the trainable parameters replaced by the vector and everything else (shapes, fixed parameters,
/// state convention) taken from the given model; an error when the vector has the wrong length or builds an invalid
/// model (a non-positive sigma, a non-finite weight).
/// </param>
/// <param name="DecayMask">
/// 1 where a parameter is a weight that weight decay and penalties act on, 0 where it is a bias (Hinton 2010,
/// "A practical guide to training restricted Boltzmann machines", section 10: biases are not decayed).
/// </param>
public sealed record ModelParameters<TModel>(
    string Family,
    Func<TModel, Vec> ToVector,
    Func<TModel, Vec, Fin<TModel>> FromVector,
    Func<TModel, Vec> DecayMask);
