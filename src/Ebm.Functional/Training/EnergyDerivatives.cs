using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// The derivatives of a continuous model family's energy E_θ(x) that the objectives without Z need (score matching in
/// its exact, sliced and denoising forms, noise-contrastive estimation, maximum likelihood with a Langevin negative
/// phase), over minibatches X (rows x_r). Parameter gradients are flat vectors in the layout of the family's
/// <see cref="ModelParameters{TModel}"/>; x is in data units.
/// </summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Energies">E(x_r) per row.</param>
/// <param name="InputGradients">grad_x E(x_r) per row (n x d); the score is its negative.</param>
/// <param name="ParameterGradient">(model, X, a) to sum_r a_r dE(x_r)/dθ.</param>
/// <param name="DirectionalParameterGradient">(model, X, U) to sum_r d/dθ [u_r · grad_x E(x_r)], U (n x d) held fixed.</param>
/// <param name="Curvature">
/// (model, X, V) to the curvatures v_r^T (grad_x^2 E(x_r)) v_r per row and sum_r d/dθ [v_r^T (grad_x^2 E(x_r)) v_r], V (n x d)
/// held fixed; with V = e_i for each i in turn the curvatures sum to the Laplacian.
/// </param>
public sealed record EnergyDerivatives<TModel>(
    Func<TModel, Mat, Vec> Energies,
    Func<TModel, Mat, Mat> InputGradients,
    Func<TModel, Mat, Vec, Vec> ParameterGradient,
    Func<TModel, Mat, Mat, Vec> DirectionalParameterGradient,
    Func<TModel, Mat, Mat, (Vec Curvatures, Vec ParameterGradient)> Curvature);
