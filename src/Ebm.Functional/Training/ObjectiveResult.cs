using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Training;

/// <summary>What one objective step returns: the loss gradient, the negative phase's chains after the step, and metrics.</summary>
/// <param name="Gradient">
/// The gradient of the loss to be minimised (for likelihood objectives the negative average log-likelihood of the
/// minibatch), in the layout of the family's <see cref="ModelParameters{TModel}"/>.
/// </param>
/// <param name="Chains">The persistent chains after the step (empty for objectives that keep none).</param>
/// <param name="Metrics">What the step measured on the way (swap rates, acceptance, the minibatch's pseudo-log-likelihood).</param>
public sealed record ObjectiveResult(Vec Gradient, Seq<Mat> Chains, Seq<Metric> Metrics);
