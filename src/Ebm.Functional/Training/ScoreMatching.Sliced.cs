using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Sliced score matching.</summary>
public static partial class ScoreMatching
{
    /// <summary>
    /// Sliced score matching (Song, Garg, Shi &amp; Ermon 2019, "Sliced score matching: a scalable approach to density
    /// and score estimation", UAI, eq. 7): with M random projections v per example, the loss
    /// (1/(n M)) sum_r sum_m [ 1/2 (v_rm · grad_x E(x_r))^2 - v_rm^T grad_x^2 E(x_r) v_rm ], whose expectation over v is
    /// the exact score-matching loss because E[v v^T] = I. The variance-reduced form (SSM-VR, their eq. 8) replaces
    /// 1/2 (v · grad E)^2 by its expectation 1/2 |grad E|^2.
    /// </summary>
    /// <remarks>
    /// Each projection costs one curvature pass, whatever the dimension, where exact score matching needs d of them.
    /// Projection m of row r, coordinate i, is draw r d + i of the key <c>key.FoldIn(m)</c> (Rademacher: the sign of a
    /// uniform; Gaussian: a standard normal), so the bits do not depend on threads or on how rows are split.
    /// </remarks>
    /// <param name="derivatives">The family's energy derivatives.</param>
    /// <param name="projections">M, the projections per example (at least 1).</param>
    /// <param name="distribution">The distribution of each projection's coordinates.</param>
    /// <param name="varianceReduced">Whether to use SSM-VR (the first term in closed form).</param>
    public static Objective<TModel> Sliced<TModel>(
        EnergyDerivatives<TModel> derivatives, int projections = 1, SliceDistribution distribution = SliceDistribution.Rademacher, bool varianceReduced = false)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        return new(SlicedName, NoChains<TModel>(), (key, model, _, batch) =>
            projections < 1
                ? FinFail<ObjectiveResult>(ContinuousTrainingErrors.InvalidSetting(SlicedName, $"projections is {projections}, expected at least 1"))
                : ContinuousBatchChecks.Real(SlicedName, model, batch)
                    .Bind(x => SlicedStep(key, derivatives, model, x, projections, distribution, varianceReduced)));
    }

    /// <summary>The n x d projections of slice <paramref name="key"/>: entry (r, i) is draw r d + i.</summary>
    internal static Mat Projections(RngKey key, int rows, int columns, SliceDistribution distribution) => Mat.Create(rows, columns, v =>
    {
        if (distribution == SliceDistribution.Gaussian)
        {
            key.Normal(v);
            return;
        }

        key.Uniform(v);
        for (var j = 0; j < v.Length; j++) v[j] = v[j] < 0.5 ? -1.0 : 1.0;
    });

    private static Fin<ObjectiveResult> SlicedStep<TModel>(
        RngKey key, EnergyDerivatives<TModel> derivatives, TModel model, Mat x, int projections, SliceDistribution distribution, bool varianceReduced)
    {
        int n = x.Rows, d = x.Columns;
        var scale = 1.0 / ((double)n * projections);
        var gradients = derivatives.InputGradients(model, x);
        var first = varianceReduced ? 0.5 * SquaredNorm(gradients.Span) / n : 0.0;
        var directions = new double[n * d];
        if (varianceReduced)
            for (var j = 0; j < directions.Length; j++) directions[j] = gradients.Span[j] / n;
        var curvature = 0.0;
        Vec? curvatureGradient = null;
        for (var m = 0; m < projections; m++)
        {
            var v = Projections(key.FoldIn(m), n, d, distribution);
            if (!varianceReduced)
                for (var r = 0; r < n; r++)
                {
                    var row = v.Row(r);
                    var projected = 0.0;
                    for (var i = 0; i < d; i++) projected += row[i] * gradients[r, i];
                    first += 0.5 * projected * projected * scale;
                    for (var i = 0; i < d; i++) directions[r * d + i] += projected * row[i] * scale;
                }

            var (curvatures, parameterGradient) = derivatives.Curvature(model, x, v);
            curvature += Sum(curvatures.Span) * scale;
            curvatureGradient = curvatureGradient is null ? ParameterSums.Scale(scale, parameterGradient) : ParameterSums.Combine(1.0, curvatureGradient, scale, parameterGradient);
        }

        var gradient = derivatives.DirectionalParameterGradient(model, x, Mat.Wrap(n, d, directions));
        return Result(SlicedName, first - curvature, ParameterSums.Combine(1.0, gradient, -1.0, curvatureGradient!));
    }
}
