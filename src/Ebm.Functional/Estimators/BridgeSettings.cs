using Ebm.Functional.Estimation;
namespace Ebm.Functional.Estimators;

/// <summary>Options of the iterative bridge estimator.</summary>
/// <param name="Tolerance">Stop when the relative change |r_new / r_old - 1| of the ratio falls below this (&gt; 0).</param>
/// <param name="MaxIterations">The most fixed-point iterations (&gt;= 1); after them the root is bisected, and
/// <see cref="EstimateWarnings.BridgeNotConverged"/> is raised only when no root can be bracketed.</param>
/// <param name="EffectiveSamples1">
/// The effective sample size of the draws from p1 (MCMC draws are correlated), in (0, N1]; <c>null</c> takes N1
/// (independent draws). It sets the weight s1 of the optimal bridge and the variance term of those draws.
/// </param>
public sealed record BridgeSettings(double Tolerance = 1e-10, int MaxIterations = 1000, double? EffectiveSamples1 = null)
{
    /// <summary>The defaults: tolerance 1e-10, 1000 iterations, independent draws.</summary>
    public static BridgeSettings Default { get; } = new();
}
