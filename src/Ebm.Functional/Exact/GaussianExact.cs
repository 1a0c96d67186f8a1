using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Closed-form thermodynamics of the Gaussian energy E(x) = 1/2 (x - mu)^T P (x - mu).
/// </summary>
/// <remarks>
/// <para>log Z(beta) = (d/2) log(2 pi / beta) - (1/2) log det P, with log det P = 2 sum_i log L_ii from
/// the Cholesky factor. Under p_beta, beta E is half a chi-square with d degrees of freedom, so
/// U = d / (2 beta), Var(E) = d / (2 beta^2), and the derived quantities have closed forms too:
/// C = beta^2 Var(E) = d/2 exactly at every beta, and
/// S = beta U + log Z = (d/2) (1 + log(2 pi / beta)) - (1/2) log det P, the differential entropy of
/// N(mu, (beta P)^-1). Example: d = 2, P = I, beta = 1 gives log Z = log(2 pi) = 1.8378770664 and
/// S = 1 + log(2 pi) = 2.8378770664.</para>
/// <para>These forms are evaluated as written rather than from U and Var(E): at beta = 1e308, U = 1e-308 and
/// Var(E) = 1e-616 underflow, and beta^2 Var(E) would give 0 or NaN instead of d/2. log(2 pi / beta) is
/// taken as log(2 pi) - log(beta) where 2 pi / beta would overflow. The representable range ends at small beta:
/// Var(E) = d / (2 beta^2) exceeds 1.8e308 below beta of about 1e-154 sqrt(d), and there
/// <see cref="TryCompute"/> fails with <see cref="ExactErrors.Overflow"/>.</para>
/// </remarks>
public static class GaussianExact
{
    /// <summary>The <see cref="ExactResult.Method"/> of every result.</summary>
    public const string MethodName = "closed-form";

    /// <summary>
    /// Exact log Z, U, Var(E), S and C at a <paramref name="beta"/> &gt; 0 where all are representable (every
    /// beta from about 1e-154 sqrt(d) up); throws <see cref="ArgumentOutOfRangeException"/> otherwise. Use
    /// <see cref="TryCompute"/> or <see cref="LogPartition.Exact"/> for a beta that comes from outside.
    /// </summary>
    public static ExactResult Compute(GaussianModel model, double beta) =>
        TryCompute(model, beta).Match(r => r, e => throw new ArgumentOutOfRangeException(nameof(beta), beta, e.Message));

    /// <summary>Exact thermodynamics at <paramref name="beta"/>, or why they are not representable.</summary>
    public static Fin<ExactResult> TryCompute(GaussianModel model, double beta)
    {
        if (!double.IsFinite(beta) || !(beta > 0)) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "a Gaussian needs a finite beta > 0"));
        var d = model.Dimension;
        var halfD = 0.5 * d;
        var logDet = 0.0;
        for (var i = 0; i < d; i++) logDet += 2.0 * Math.Log(model.CholeskyFactor[i, i]);
        var logRatio = ExactThermodynamics.LogTwoPiOver(beta);
        var logZ = halfD * logRatio - 0.5 * logDet;
        var meanEnergy = halfD / beta;
        var result = new ExactResult(MethodName, beta, logZ, meanEnergy, meanEnergy / beta, Option<MagnetisationMoments>.None)
        {
            Entropy = halfD * (1.0 + logRatio) - 0.5 * logDet,
            HeatCapacity = halfD,
        };
        return ExactResultCheck.Finite(model, result);
    }
}
