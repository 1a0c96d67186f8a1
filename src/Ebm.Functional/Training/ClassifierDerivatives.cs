using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// The derivatives of a classifier family with logits f_θ(x) in R^K that the joint energy-based objective needs:
/// p(y | x) = softmax(f(x)), E(x) = -logsumexp f(x). Parameter gradients are flat vectors in the layout of the
/// family's <see cref="ModelParameters{TModel}"/>; x is in data units.
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Logits">f(x_r) per row (n x K).</param>
/// <param name="LogitParameterGradient">(model, X, A) to sum_r sum_k A[r, k] df_k(x_r)/dθ, A (n x K).</param>
/// <param name="EnergyInputGradients">grad_x E(x_r) per row (n x d), E = -logsumexp f.</param>
public sealed record ClassifierDerivatives<TModel>(
    Func<TModel, Mat, Mat> Logits,
    Func<TModel, Mat, Mat, Vec> LogitParameterGradient,
    Func<TModel, Mat, Mat> EnergyInputGradients);
