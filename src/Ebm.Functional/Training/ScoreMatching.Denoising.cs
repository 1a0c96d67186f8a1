using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Denoising score matching.</summary>
public static partial class ScoreMatching
{
    /// <summary>
    /// Denoising score matching (Vincent 2011, "A connection between score matching and denoising autoencoders", Neural
    /// Computation 23, eq. 7): each example x is perturbed to x~ = x + sigma eps, eps ~ N(0, I), and the model's score at
    /// x~ is matched to that of the perturbation, -(x~ - x)/sigma^2 = -eps/sigma: the loss is
    /// (1/n) sum_r w(sigma_r) 1/2 |grad_x E(x~_r) - eps_r/sigma_r|^2.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The minimiser is the model whose density is the data's convolved with N(0, sigma^2 I), not the data's own: the
    /// bias of a single scale is that smoothing (for Gaussian data of covariance C, a Gaussian model learns C + sigma^2 I),
    /// so a small sigma trades bias against the loss's variance (which grows like d / sigma^2).
    /// </para>
    /// <para>
    /// With several scales (Song &amp; Ermon 2019, "Generative modeling by estimating gradients of the data distribution",
    /// NeurIPS, eq. 2) each example draws one scale uniformly, as their training code does, and is weighted by
    /// w(sigma) = sigma^2 / mean_l sigma_l^2: the relative weights sigma^2 of Song &amp; Ermon, normalised so that one
    /// scale is plain DSM with weight 1. Row r draws its scale from uniform 0 and its noise from normals 1..d of the key
    /// <c>key.FoldIn(r)</c>.
    /// </para>
    /// </remarks>
    /// <param name="derivatives">The family's energy derivatives.</param>
    /// <param name="noiseScales">The scales sigma (each positive and finite; at least one).</param>
    public static Objective<TModel> Denoising<TModel>(EnergyDerivatives<TModel> derivatives, Seq<double> noiseScales)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        var scales = noiseScales.ToArray();
        return new(DenoisingName, NoChains<TModel>(), (key, model, _, batch) =>
            from valid in CheckScales(scales)
            from x in ContinuousBatchChecks.Real(DenoisingName, model, batch)
            from result in DenoisingStep(key, derivatives, model, x, valid)
            select result);
    }

    private static Fin<double[]> CheckScales(double[] scales)
    {
        if (scales.Length == 0) return FinFail<double[]>(ContinuousTrainingErrors.InvalidSetting(DenoisingName, "needs at least one noise scale"));
        foreach (var scale in scales)
            if (!(scale > 0 && double.IsFinite(scale)))
                return FinFail<double[]>(ContinuousTrainingErrors.InvalidSetting(DenoisingName, $"noise scale {scale}: expected a positive finite number"));
        return FinSucc(scales);
    }

    private static Fin<ObjectiveResult> DenoisingStep<TModel>(RngKey key, EnergyDerivatives<TModel> derivatives, TModel model, Mat x, double[] scales)
    {
        int n = x.Rows, d = x.Columns;
        var meanSquare = 0.0;
        foreach (var s in scales) meanSquare += s * s / scales.Length;
        var noise = new double[n * d];
        var sigma = new double[n];
        var perturbed = Mat.Create(n, d, p =>
        {
            for (var r = 0; r < n; r++)
            {
                var rowKey = key.FoldIn(r);
                var level = scales.Length == 1 ? 0 : Math.Min(scales.Length - 1, (int)(rowKey.UniformAt(0) * scales.Length));
                sigma[r] = scales[level];
                var eps = noise.AsSpan(r * d, d);
                rowKey.Normal(eps, 1);
                for (var i = 0; i < d; i++) p[r * d + i] = x[r, i] + sigma[r] * eps[i];
            }
        });
        var gradients = derivatives.InputGradients(model, perturbed);
        var loss = 0.0;
        var directions = new double[n * d];
        for (var r = 0; r < n; r++)
        {
            var weight = sigma[r] * sigma[r] / meanSquare;
            for (var i = 0; i < d; i++)
            {
                var residual = gradients[r, i] - noise[r * d + i] / sigma[r];
                loss += 0.5 * weight * residual * residual;
                directions[r * d + i] = weight * residual / n;
            }
        }

        return Result(DenoisingName, loss / n, derivatives.DirectionalParameterGradient(model, perturbed, Mat.Wrap(n, d, directions)));
    }
}
