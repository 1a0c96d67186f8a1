namespace Ebm.Functional.Catalogue;

/// <summary>
/// How one move of a kernel is counted in energy evaluations per chain, the unit every cost of the library and of
/// the <c>ebm</c> tool uses: one evaluation per log density of a particle, one per kernel move.
/// </summary>
public enum MoveCost
{
    /// <summary>One evaluation: a sweep of local updates, a cluster move, a block-Gibbs step, a random-walk, Langevin or MALA step.</summary>
    Sweep,

    /// <summary>One evaluation per leapfrog step: an HMC trajectory of L steps costs L.</summary>
    Trajectory,

    /// <summary>
    /// One evaluation per leapfrog step of a NUTS tree, whose length adapts to the target: counted at its bound,
    /// 2^10 - 1 for the default maximum depth, so a stated cost is what a run can at most spend.
    /// </summary>
    Tree,
}
