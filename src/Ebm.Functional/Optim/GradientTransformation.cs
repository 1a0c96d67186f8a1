using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Optim;

/// <summary>
/// A gradient transformation in the manner of Optax: <see cref="Init"/> builds the immutable state from the
/// parameters, and <see cref="Update"/> maps (gradients, state, parameters) to (updates, next state) without
/// writing to any input. Updates are added to the parameters by <see cref="Optimizers.ApplyUpdates"/>; the
/// transformations compose with <see cref="Transforms.Chain"/>.
/// </summary>
/// <param name="Init">The state before the first update, for the given parameters.</param>
/// <param name="Update">
/// The updates and the next state, or <see cref="OptimErrors.LengthMismatch"/> when the gradients, the parameters
/// and the state's buffers differ in length.
/// </param>
public sealed record GradientTransformation(
    Func<Vec, TransformState> Init,
    Func<Vec, TransformState, Vec, Fin<(Vec Updates, TransformState State)>> Update);
