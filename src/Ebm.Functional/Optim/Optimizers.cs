using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Optim;

/// <summary>The usual optimizers as chains of <see cref="Transforms"/>, and the step that applies their updates.</summary>
public static class Optimizers
{
    /// <summary>
    /// Stochastic gradient descent: u = -lr · g, or with momentum (and optionally Nesterov's look-ahead)
    /// u = -lr · trace (see <see cref="Transforms.Momentum"/>). A momentum of 0 is plain SGD.
    /// </summary>
    /// <returns>The optimizer, or the errors of every invalid argument (lr not finite and &gt;= 0, momentum outside [0, 1)).</returns>
    public static Validation<Error, GradientTransformation> Sgd(double learningRate, double momentum = 0.0, bool nesterov = false) =>
        (Transforms.Momentum(momentum, nesterov), Descent(learningRate))
            .Apply((trace, scale) => momentum == 0 ? scale : Transforms.Chain(trace, scale));

    /// <summary>Adam (Kingma &amp; Ba 2015): <see cref="Transforms.ScaleByAdam"/> then a scale of -lr.</summary>
    /// <returns>The optimizer, or the errors of every invalid argument.</returns>
    public static Validation<Error, GradientTransformation> Adam(double learningRate, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8) =>
        (Transforms.ScaleByAdam(b1, b2, eps), Descent(learningRate))
            .Apply((adam, scale) => Transforms.Chain(adam, scale));

    /// <summary>
    /// AdamW (Loshchilov &amp; Hutter 2019): Adam's rescaling, then decoupled weight decay, then a scale of -lr:
    /// u = -lr · (m̂ / (√v̂ + eps) + wd · θ).
    /// </summary>
    /// <returns>The optimizer, or the errors of every invalid argument.</returns>
    public static Validation<Error, GradientTransformation> AdamW(
        double learningRate, double weightDecay = 1e-4, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8) =>
        (Transforms.ScaleByAdam(b1, b2, eps), Transforms.AddDecayedWeights(weightDecay), Descent(learningRate))
            .Apply((adam, decay, scale) => Transforms.Chain(adam, decay, scale));

    /// <summary>θ + u, entry by entry.</summary>
    /// <returns>The new parameters, or <see cref="OptimErrors.LengthMismatch"/>.</returns>
    public static Fin<Vec> ApplyUpdates(Vec parameters, Vec updates)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(updates);
        return Checks.SameLength(parameters, updates, Seq<Vec>.Empty, 0).Map(_ => Checks.Sum(parameters, updates));
    }

    /// <summary>The scale by -lr that turns a direction into a descent step, once lr is known to be finite and &gt;= 0.</summary>
    private static Validation<Error, GradientTransformation> Descent(double learningRate) =>
        Checks.NonNegative("learning rate", learningRate).Bind(lr => Transforms.Scale(-lr));
}
