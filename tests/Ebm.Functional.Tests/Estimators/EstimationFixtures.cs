using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Models with exact log Z and helpers shared by the estimator tests.</summary>
internal static class EstimationFixtures
{
    /// <summary>
    /// |z| = |estimate - exact| / SE &lt;= 5: for a normal error, a false failure has probability below 1e-6 per check.
    /// </summary>
    public const double ZBound = 5.0;

    /// <summary>The value of a validation known to succeed.</summary>
    public static T Valid<T>(Validation<Error, T> v) => v.Match(x => x, e => throw new InvalidOperationException(string.Join("; ", e)));

    /// <summary>The exact log Z of a discrete model by enumeration.</summary>
    public static double EnumeratedLogZ(IDiscreteModel model, double beta) =>
        Enumeration.Compute(model, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));

    /// <summary>
    /// A correlated Gaussian in d dimensions: precision P = A with A_ii = 1 + rho^2, A_i,i+1 = -rho (an AR(1) chain,
    /// rho = 0.5) scaled per coordinate by 1 / sigma_i with sigma_i in [0.5, 2], and mean mu_i = sin(i).
    /// </summary>
    public static GaussianModel CorrelatedGaussian(int d, double precisionScale = 1.0)
    {
        const double rho = 0.5;
        var sigma = Enumerable.Range(0, d).Select(i => 0.5 + 1.5 * (i % 7) / 6.0).ToArray();
        var precision = Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++)
            {
                p[i * d + i] = precisionScale * (1 + (i > 0 && i < d - 1 ? rho * rho : 0)) / (sigma[i] * sigma[i]);
                if (i + 1 < d)
                {
                    var off = -precisionScale * rho / (sigma[i] * sigma[i + 1]);
                    p[i * d + i + 1] = off;
                    p[(i + 1) * d + i] = off;
                }
            }
        });
        var mean = Vec.Create(d, m =>
        {
            for (var i = 0; i < d; i++) m[i] = Math.Sin(i);
        });
        return Valid(GaussianModel.Create(mean, precision));
    }

    /// <summary>The model's mean and precision times <paramref name="precisionScale"/>, the mean shifted by <paramref name="shift"/> in every coordinate.</summary>
    public static GaussianModel Rescaled(GaussianModel model, double precisionScale, double shift = 0.0) =>
        Valid(GaussianModel.Create(model.Mean.Map(m => m + shift), Mat.Create(model.Dimension, model.Dimension, p =>
        {
            for (var k = 0; k < p.Length; k++) p[k] = precisionScale * model.Precision.Span[k];
        })));
}
