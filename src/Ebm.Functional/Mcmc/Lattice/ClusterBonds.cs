using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The Fortuin-Kasteleyn bond rule shared by the cluster kernels: a bond term between i and j can be
/// activated only when it is satisfied (beta J s_i s_j &gt; 0) and then is activated with probability
/// p = 1 - exp(-2 |beta J|) (Fortuin and Kasteleyn 1972; Swendsen and Wang 1987).
/// </summary>
/// <remarks>
/// With J &lt; 0 (antiferromagnet) "satisfied" means antiparallel, which is the same rule after the
/// gauge change s_i -&gt; (-1)^(r+c) s_i on a bipartite lattice, and is still exact (only slower) on a
/// frustrated odd periodic lattice. A periodic side of length 2 has two bond terms per pair, each
/// tried on its own; self-bonds (side 1) are constants and never tried.
/// </remarks>
internal static class ClusterBonds
{
    /// <summary>p = 1 - exp(-2 |beta J|).</summary>
    public static double ActivationProbability(IsingModel model, double beta) => 1.0 - Math.Exp(-2.0 * Math.Abs(beta * model.Coupling));

    /// <summary>Whether the bond term between spins a and b is satisfied: beta J s_a s_b &gt; 0 (beta J is the effective coupling).</summary>
    public static bool Satisfied(double betaCoupling, int a, int b) => betaCoupling * a * b > 0;
}
