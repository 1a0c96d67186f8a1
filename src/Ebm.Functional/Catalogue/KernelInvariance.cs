namespace Ebm.Functional.Catalogue;

/// <summary>What a transition kernel K guarantees about its target p (the distribution it is built for).</summary>
/// <remarks>
/// Reversible implies stationary. Linked importance sampling (Neal 2005) needs reversible moves; annealed importance
/// sampling, SMC and thermodynamic integration need stationary ones; an approximate kernel suits none of them, as
/// the weights of an estimator assume every move leaves its intermediate distribution exactly invariant.
/// </remarks>
public enum KernelInvariance
{
    /// <summary>Detailed balance: p(x) K(x, y) = p(y) K(y, x) (random-scan single-site moves, cluster moves, Metropolis-Hastings kernels).</summary>
    Reversible,

    /// <summary>p K = p without detailed balance (a systematic sweep, alternating block updates, deterministic swap passes).</summary>
    Stationary,

    /// <summary>The kernel leaves a nearby distribution invariant, not p (unadjusted Langevin: an O(step^2) bias).</summary>
    Approximate,
}
