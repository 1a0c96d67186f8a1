using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training a <see cref="GaussianModel"/> E(x) = 1/2 (x - mu)^T P (x - mu) with the continuous objectives: its flat
/// parameter layout, its energy derivatives in closed form, and the exact score-matching estimate.
/// </summary>
/// <remarks>
/// The precision is parametrised by its lower Cholesky factor P = L L^T with log L_ii on the diagonal, so every vector of
/// the right length is a valid model (P is positive definite whenever the diagonal of L is positive) and an optimizer
/// needs no constraint. The Gaussian is the test bed of the objectives: each has a known minimiser for it.
/// </remarks>
public static partial class GaussianTraining
{
    /// <summary>The family name of the layout, as the model's <c>Kind</c>.</summary>
    public const string Family = "gaussian";

    /// <summary>
    /// The layout: mu (d), then the lower triangle of L row by row (L_00, L_10, L_11, L_20, ...), each diagonal entry as its
    /// natural log; d + d (d + 1) / 2 values. Weight decay acts on none of them (the mask is all zeros): shrinking mu or
    /// log L_ii toward 0 has no meaning for a Gaussian.
    /// </summary>
    public static ModelParameters<GaussianModel> Parameters { get; } = new(
        Family,
        ToVector,
        FromVector,
        model => Vec.Zeros(Length(model.Dimension)));

    /// <summary>The energy derivatives in closed form, in the layout of <see cref="Parameters"/>.</summary>
    /// <remarks>
    /// With r = x - mu and y = L^T r: grad_x E = P r, dE/dmu = -P r, dE/dL = r y^T (lower triangle); the directional
    /// derivative d/dθ [u · P r] has d/dmu = -P u and d/dL = (u r^T + r u^T) L; the curvature v^T P v = |L^T v|^2 has
    /// d/dmu = 0 and d/dL = 2 v v^T L. A diagonal entry's derivative is multiplied by L_ii (the chain rule of log L_ii).
    /// </remarks>
    public static EnergyDerivatives<GaussianModel> Derivatives { get; } = new(
        (model, x) => model.Energies(x),
        InputGradients,
        ParameterGradient,
        DirectionalParameterGradient,
        Curvature);

    /// <summary>
    /// The exact minimiser of the score-matching loss over Gaussians (Hyvärinen 2005, section 3): mu = the sample mean and
    /// P = the inverse of the sample covariance with divisor n, the maximum-likelihood estimate.
    /// </summary>
    /// <remarks>
    /// For E = 1/2 (x - mu)^T P (x - mu), grad E = P r and the Laplacian is tr P, so the loss
    /// mean_r [1/2 r_r^T P^2 r_r] - tr P is minimised at P^-1 = (1/n) sum_r r_r r_r^T and mu = the mean. Fails with
    /// <see cref="ContinuousTrainingErrors.DegenerateData"/> when the data has fewer than two rows, a non-finite value or
    /// a singular covariance.
    /// </remarks>
    /// <param name="data">Examples as rows (n x d).</param>
    public static Fin<GaussianModel> ScoreMatchingEstimate(Mat data)
    {
        ArgumentNullException.ThrowIfNull(data);
        const string what = "the score-matching estimate of a Gaussian";
        if (data.Rows < 2) return FinFail<GaussianModel>(ContinuousTrainingErrors.DegenerateData(what, $"needs at least 2 examples, got {data.Rows}"));
        var (mean, covariance) = Moments(data);
        if (!System.Array.TrueForAll(covariance, double.IsFinite))
            return FinFail<GaussianModel>(ContinuousTrainingErrors.DegenerateData(what, "the data has a value that is not finite"));
        return GaussianModel.FromCovariance(Vec.Wrap(mean), Mat.Wrap(data.Columns, data.Columns, covariance)).Match(
            Succ: FinSucc,
            Fail: _ => FinFail<GaussianModel>(ContinuousTrainingErrors.DegenerateData(what, "the sample covariance is singular (a coordinate is constant or one is a combination of others)")));
    }

    /// <summary>The sample mean and the covariance with divisor n.</summary>
    internal static (double[] Mean, double[] Covariance) Moments(Mat data)
    {
        int n = data.Rows, d = data.Columns;
        var mean = new double[d];
        for (var r = 0; r < n; r++)
        for (var i = 0; i < d; i++)
            mean[i] += data[r, i] / n;
        var covariance = new double[d * d];
        for (var r = 0; r < n; r++)
        for (var i = 0; i < d; i++)
        for (var j = 0; j <= i; j++)
            covariance[i * d + j] += (data[r, i] - mean[i]) * (data[r, j] - mean[j]) / n;
        for (var i = 0; i < d; i++)
        for (var j = 0; j < i; j++)
            covariance[j * d + i] = covariance[i * d + j];
        return (mean, covariance);
    }

    private static int Length(int d) => d + d * (d + 1) / 2;

    private static Vec ToVector(GaussianModel model) => Vec.Create(Length(model.Dimension), v =>
    {
        var d = model.Dimension;
        model.Mean.Span.CopyTo(v);
        var k = d;
        for (var i = 0; i < d; i++)
        for (var j = 0; j <= i; j++)
            v[k++] = i == j ? Math.Log(model.CholeskyFactor[i, i]) : model.CholeskyFactor[i, j];
    });

    private static Fin<GaussianModel> FromVector(GaussianModel model, Vec values)
    {
        var d = model.Dimension;
        if (values.Length != Length(d)) return FinFail<GaussianModel>(TrainingErrors.ParameterLength(Family, Length(d), values.Length));
        var factor = new double[d * d];
        var k = d;
        for (var i = 0; i < d; i++)
        for (var j = 0; j <= i; j++)
            factor[i * d + j] = i == j ? Math.Exp(values[k++]) : values[k++];
        var precision = Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
            {
                var s = 0.0;
                for (var m = 0; m <= j; m++) s += factor[i * d + m] * factor[j * d + m];
                p[i * d + j] = s;
                p[j * d + i] = s;
            }
        });
        return GaussianModel.Create(Vec.From(values.Span[..d]), precision).Match(
            Succ: FinSucc,
            Fail: errors => FinFail<GaussianModel>(ContinuousTrainingErrors.NotFiniteResult(Family, $"the model built from the parameters ({errors.Head.Message})")));
    }
}
