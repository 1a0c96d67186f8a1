using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log Z(beta), U = &lt;E&gt; and Var(E) of a Bernoulli RBM: one layer summed analytically, the other
/// (the smaller, by default) enumerated in Gray-code order.
/// </summary>
/// <remarks>
/// Summing v out of p_beta(v,h) ∝ exp(-beta E(v,h)) with E = -v^T W h - b^T v - c^T h:
/// <code>
/// log Z(beta) = log sum_h exp(beta c^T h) prod_i (1 + exp(beta (b_i + (W h)_i)))
///             = logsumexp_h [ beta c^T h + sum_i softplus(beta a_i(h)) ],   a(h) = b + W h,
/// U      = sum_h p(h) [ -c^T h - sum_i a_i sigma(beta a_i) ],
/// Var(E) = E_h[ sum_i a_i^2 sigma(beta a_i) (1 - sigma(beta a_i)) ] + Var_h( -c^T h - sum_i a_i sigma(beta a_i) ),
/// </code>
/// and symmetrically with the roles of the layers swapped (Salakhutdinov and Murray 2008, "On the
/// quantitative analysis of deep belief networks", sec. 4, use the same sum for their small RBMs).
/// U and Var(E) come from the same pass (law of total variance over h). Example: the portable 784 x 20
/// "small20" peer model has log Z(1) = 443.1495042944. The sum over 2^n states runs in parallel over a
/// fixed partition into blocks, merged in order, so the result is bit-identical for any thread count.
/// Warning: the cost is 2^n m, n the enumerated layer; n is limited to <see cref="MaxEnumeratedUnits"/>
/// and a larger model gets an error suggesting an estimator.
/// </remarks>
public static class RbmExact
{
    /// <summary>The largest layer that may be enumerated (2^30 states).</summary>
    public const int MaxEnumeratedUnits = 30;

    /// <summary>The <see cref="ExactResult.Method"/> of every result.</summary>
    public const string MethodName = "layer-sum";

    /// <summary>Exact thermodynamics enumerating the smaller layer (the hidden one on a tie).</summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="progress">Receives the finished fraction.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    public static Fin<ExactResult> Compute(BernoulliRbm model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1) =>
        model.Hidden <= model.Visible ? EnumerateHidden(model, beta, progress, maxDegreeOfParallelism) : EnumerateVisible(model, beta, progress, maxDegreeOfParallelism);

    /// <summary>Exact thermodynamics enumerating h and summing v analytically.</summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="progress">Receives the finished fraction.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    public static Fin<ExactResult> EnumerateHidden(BernoulliRbm model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1) =>
        Check(model, beta, model.Hidden, "hidden").Bind(_ => Result(model, RbmLayerSumProblem.EnumerateHidden(model), beta, progress, maxDegreeOfParallelism));

    /// <summary>Exact thermodynamics enumerating v and summing h analytically.</summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="progress">Receives the finished fraction.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    public static Fin<ExactResult> EnumerateVisible(BernoulliRbm model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1) =>
        Check(model, beta, model.Visible, "visible").Bind(_ => Result(model, RbmLayerSumProblem.EnumerateVisible(model), beta, progress, maxDegreeOfParallelism));

    /// <summary>
    /// log Z(beta) alone, enumerating the smaller layer: the same sum without the moments, about three times faster.
    /// </summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="progress">Receives the finished fraction.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    public static Fin<double> LogPartitionFunction(BernoulliRbm model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1)
    {
        var hidden = model.Hidden <= model.Visible;
        return Check(model, beta, hidden ? model.Hidden : model.Visible, hidden ? "hidden" : "visible")
            .Map(_ => Run(hidden ? RbmLayerSumProblem.EnumerateHidden(model) : RbmLayerSumProblem.EnumerateVisible(model), beta, false, progress, maxDegreeOfParallelism).LogWeight)
            .Bind(logZ => double.IsFinite(logZ)
                ? FinSucc(logZ)
                : FinFail<double>(ExactErrors.Overflow(ModelFields.TooLarge(model), beta, "log Z")));
    }

    /// <summary>
    /// The layer sum of a problem: the product form where |beta a| is bounded, the stable per-unit form otherwise, and
    /// also for moments when some unit's activations are all below 1e-100 (the product form's a^2 would underflow) or
    /// beta^2 is not a normal number.
    /// </summary>
    internal static RbmEnergyMoments Run(RbmLayerSumProblem problem, double beta, bool withMoments, IProgress<double>? progress, int maxDegreeOfParallelism = -1) =>
        problem.ActivationBound(beta) <= RbmProductLayerSum.MaxActivation &&
        (!withMoments || (problem.SmallestActivationScale() >= TinyActivation && (beta == 0.0 || double.IsNormal(beta * beta))))
            ? RbmProductLayerSum.Run(problem, beta, withMoments, progress, maxDegreeOfParallelism)
            : RbmStableLayerSum.Run(problem, beta, progress, maxDegreeOfParallelism);

    /// <summary>Activations below this have squares of 1e-200 or less, where the product form's Var(E | s) loses its digits.</summary>
    private const double TinyActivation = 1e-100;

    private static Fin<ExactResult> Result(BernoulliRbm model, RbmLayerSumProblem problem, double beta, IProgress<double>? progress, int maxDegreeOfParallelism)
    {
        var moments = Run(problem, beta, true, progress, maxDegreeOfParallelism);
        return ExactResultCheck.Finite(model, new ExactResult(MethodName, beta, moments.LogWeight, moments.Mean, moments.Variance, Option<MagnetisationMoments>.None)
        {
            Entropy = moments.Entropy,
            HeatCapacity = ExactThermodynamics.HeatCapacity(beta, moments.Variance, moments.ScaledVariance, moments.LogWeight),
        });
    }

    private static Fin<Unit> Check(BernoulliRbm model, double beta, int enumerated, string layer)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<Unit>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (enumerated > MaxEnumeratedUnits)
            return FinFail<Unit>(ExactErrors.TooLarge(
                "a bernoulli-rbm",
                $"{model.Visible} x {model.Hidden} ({layer} layer of {enumerated} units to enumerate)",
                $"the layer sum enumerates at most {MaxEnumeratedUnits} units, 2^{MaxEnumeratedUnits} states"));
        return FinSucc(unit);
    }
}
