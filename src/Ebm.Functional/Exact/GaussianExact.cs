using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>
/// Closed-form thermodynamics of the Gaussian energy E(x) = 1/2 (x - mu)^T P (x - mu).
/// </summary>
/// <remarks>
/// log Z(beta) = (d/2) log(2 pi / beta) - (1/2) log det P, with log det P = 2 sum_i log L_ii from
/// the Cholesky factor. Under p_beta, beta E is half a chi-square with d degrees of freedom, so
/// U = d / (2 beta) and Var(E) = d / (2 beta^2). Example: d = 2, P = I, beta = 1 gives
/// log Z = log(2 pi) = 1.8378770664.
/// </remarks>
public static class GaussianExact
{
    /// <summary>Exact log Z, U and Var(E) at <paramref name="beta"/> &gt; 0 (checked by the caller).</summary>
    public static ExactResult Compute(GaussianModel model, double beta)
    {
        var d = model.Dimension;
        var logDet = 0.0;
        for (var i = 0; i < d; i++) logDet += 2.0 * Math.Log(model.CholeskyFactor[i, i]);
        var logZ = 0.5 * d * Math.Log(2.0 * Math.PI / beta) - 0.5 * logDet;
        return new ExactResult("closed-form", beta, logZ, d / (2.0 * beta), d / (2.0 * beta * beta), Option<MagnetisationMoments>.None);
    }
}
