namespace Ebm.Functional.Training;

/// <summary>
/// A model with its log partition function as a free parameter, log p(x) = -E(x) - <see cref="LogZ"/>: what
/// noise-contrastive estimation fits (Gutmann &amp; Hyvärinen 2010), learning log Z beside the energy's parameters.
/// </summary>
/// <remarks>
/// <see cref="LogZ"/> is an estimate, not a property of the model: at the NCE optimum it approaches the model's true log
/// Z (which 2-D models get exactly from quadrature), and comparing the two is a check of the fit.
/// </remarks>
/// <typeparam name="TModel">The energy's family.</typeparam>
/// <param name="Model">The energy E.</param>
/// <param name="LogZ">The learned normalising constant c.</param>
public sealed record Normalised<TModel>(TModel Model, double LogZ);
