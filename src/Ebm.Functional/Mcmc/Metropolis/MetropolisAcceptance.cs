using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>
/// The acceptance probability a(x) of a proposed flip with x = beta dE, shared by every Metropolis kernel
/// (single-site, both scans, and the checkerboard tables): min(1, e^-x) away from ties, Barker's
/// 1 / (1 + e^x) for |x| &lt;= <see cref="TieBand"/>, so a(0) = 1/2.
/// </summary>
/// <remarks>
/// <para>Both pieces satisfy a(x) / a(-x) = e^-x, and the band is symmetric in x, so every flip keeps
/// detailed balance; a(x) is a member of Hastings's (1970) family alpha = s / (1 + t) with a symmetric s,
/// between Metropolis et al. (1953) and Barker (1965).</para>
/// <para>Why not min(1, e^-x) everywhere: it accepts a tie (dE = 0) with probability 1, so a flip with
/// dE = 0 and its reverse are both certain. At beta = 0, or on a model whose energy changes are all 0, a
/// systematic sweep then flips every unit every step (period 2), a random-scan step changes the parity of
/// the number of high units at every update (period 2, or two closed classes when n is even), and a
/// checkerboard sweep of a periodic Ising lattice at h = 0 maps the alternating-column state (every
/// neighbour sum 0) to its mirror image and back forever, at any beta. With a(0) = 1/2 no flip of a tie is
/// certain and the chains are irreducible and aperiodic (the contract suite checks that some power of
/// every exact transition matrix is strictly positive).</para>
/// <para>The band: a tie computed in floating point can come out as a few ulps instead of 0
/// (0.1 + 0.2 - 0.3), where e^-x rounds to 1 and the flip would be certain again; 10^-6 is far above such
/// rounding and far below any energy difference a model means, and outside the band the uphill
/// acceptance e^-x &lt;= e^-(10^-6) stays below 1 even at the checkerboard tables' 2^-32 resolution
/// (by about 4,300 steps of 2^-32).</para>
/// <para>Cost: by Peskun (1973) lowering an off-diagonal transition probability can only raise asymptotic
/// variances, and only the flips inside the band lose (from about 1 to about 1/2); on an Ising lattice at
/// h = 0 those are the sites with neighbour sum 0. Measured on the 4 x 4 torus at beta = 0.44 and the
/// W3 benchmark (see the README's Performance section).</para>
/// </remarks>
internal static class MetropolisAcceptance
{
    /// <summary>|beta dE| at or below which a flip counts as a tie and is accepted with Barker's 1 / (1 + e^x).</summary>
    public const double TieBand = 1e-6;

    /// <summary>a(x) for x = beta dE: NaN for NaN x, 1 at x = -infinity, 0 at x = +infinity.</summary>
    public static double Probability(double betaEnergyChange)
    {
        if (double.IsNaN(betaEnergyChange)) return double.NaN;
        if (Math.Abs(betaEnergyChange) <= TieBand) return LogSpace.Sigmoid(-betaEnergyChange);
        return betaEnergyChange < 0.0 ? 1.0 : Math.Exp(-betaEnergyChange);
    }
}
