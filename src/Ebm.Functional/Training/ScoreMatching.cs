using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Score matching: objectives that fit an unnormalised energy E_θ(x) on continuous x without its partition function, by
/// matching the model's score -grad_x E to the data's (Hyvärinen 2005), through random projections (sliced, Song et al.
/// 2019) or by denoising (Vincent 2011; several noise scales, Song &amp; Ermon 2019). Each works for any family that has
/// <see cref="EnergyDerivatives{TModel}"/> and reports its own loss as the metric <see cref="LossMetric"/>.
/// </summary>
/// <remarks>
/// None keeps persistent chains. Every loss is an average over the minibatch's rows, so its gradient has the scale of a
/// per-example gradient whatever the batch size.
/// </remarks>
public static partial class ScoreMatching
{
    /// <summary>The name of exact (implicit) score matching, as <c>ebm train --objective</c> spells it.</summary>
    public const string ExactName = "sm";

    /// <summary>The name of sliced score matching.</summary>
    public const string SlicedName = "ssm";

    /// <summary>The name of denoising score matching.</summary>
    public const string DenoisingName = "dsm";

    /// <summary>The metric every objective of this class reports: the minibatch's value of the loss it descends.</summary>
    public const string LossMetric = "loss";

    /// <summary>
    /// Exact score matching (Hyvärinen 2005, "Estimation of non-normalized statistical models by score matching", JMLR 6,
    /// eq. 4): the loss (1/n) sum_r [ 1/2 |grad_x E(x_r)|^2 - Laplacian E(x_r) ], equal up to a constant independent of θ
    /// to (1/2) E_data |grad log p_data - grad log p_θ|^2; the Laplacian is the sum of the curvatures along e_1 .. e_d.
    /// </summary>
    /// <remarks>
    /// Its gradient is (1/n) [ sum_r d/dθ (g_r · grad_x E(x_r)) with g_r = grad_x E(x_r) held fixed, minus sum_i sum_r
    /// d/dθ e_i^T grad_x^2 E(x_r) e_i ]: one directional parameter gradient and d curvature passes, so the cost grows
    /// with the dimension d; <see cref="Sliced{TModel}"/> replaces the d passes by a few random ones. For a Gaussian
    /// E = 1/2 (x - mu)^T P (x - mu) the loss is minimised by the sample mean and the inverse of the (1/n) sample
    /// covariance (<see cref="GaussianTraining.ScoreMatchingEstimate"/>).
    /// </remarks>
    /// <example><code>
    /// var trainer = new Trainer&lt;GaussianModel&gt;(GaussianTraining.Parameters, ScoreMatching.Exact(GaussianTraining.Derivatives), adam);
    /// </code></example>
    /// <param name="derivatives">The family's energy derivatives.</param>
    public static Objective<TModel> Exact<TModel>(EnergyDerivatives<TModel> derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        return new(ExactName, NoChains<TModel>(), (_, model, _, batch) =>
            ContinuousBatchChecks.Real(ExactName, model, batch).Bind(x => ExactStep(derivatives, model, x)));
    }

    private static Fin<ObjectiveResult> ExactStep<TModel>(EnergyDerivatives<TModel> derivatives, TModel model, Mat x)
    {
        int n = x.Rows, d = x.Columns;
        var gradients = derivatives.InputGradients(model, x);
        var loss = 0.5 * SquaredNorm(gradients.Span);
        var gradient = derivatives.DirectionalParameterGradient(model, x, gradients);
        for (var i = 0; i < d; i++)
        {
            var (curvatures, curvatureGradient) = derivatives.Curvature(model, x, ParameterSums.UnitRows(n, d, i));
            loss -= Sum(curvatures.Span);
            gradient = ParameterSums.Combine(1.0, gradient, -1.0, curvatureGradient);
        }

        return Result(ExactName, loss / n, ParameterSums.Scale(1.0 / n, gradient));
    }

    /// <summary>The result of a step with no chains: the gradient and the loss metric, or an error when either is not finite.</summary>
    internal static Fin<ObjectiveResult> Result(string objective, double loss, Vec gradient, params Metric[] more) =>
        from _ in ContinuousBatchChecks.FiniteResult(objective, "the loss", [loss])
        from __ in ContinuousBatchChecks.FiniteResult(objective, "the gradient", gradient.Span)
        select new ObjectiveResult(gradient, Seq<Mat>(), Seq1(new Metric(LossMetric, loss)) + more.ToSeq());

    internal static Func<Prng.RngKey, TModel, Fin<Seq<Mat>>> NoChains<TModel>() => (_, _) => FinSucc(Seq<Mat>());

    internal static double SquaredNorm(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values) sum += value * value;
        return sum;
    }

    internal static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values) sum += value;
        return sum;
    }
}
