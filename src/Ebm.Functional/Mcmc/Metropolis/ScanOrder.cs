namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>How a single-site kernel chooses the n sites it updates in one step.</summary>
/// <remarks>
/// Random scan: each of the n updates picks a site uniformly at random; the one-update kernel
/// K = (1/n) sum_i K_i is reversible when every K_i is. Systematic scan: sites 0, 1, ..., n-1 in order,
/// K = K_0 K_1 ... K_{n-1}; it leaves p invariant but is in general NOT reversible (its reverse is the
/// sweep n-1, ..., 0).
/// </remarks>
public enum ScanOrder
{
    /// <summary>n updates, each of a uniformly random site.</summary>
    Random,

    /// <summary>One sweep through the sites 0, 1, ..., n-1.</summary>
    Systematic,
}
