namespace Ebm.Functional.Mcmc;

/// <summary>
/// A kernel's info that counts the numerical failures of a step, so that estimators running the kernel along an
/// annealing path can say when it broke down (the <c>sampler-failure</c> warning of the log Z estimators).
/// </summary>
public interface INumericalFailureInfo
{
    /// <summary>
    /// Proposals or updates of this step that failed numerically, over all chains: divergent or non-finite HMC
    /// trajectories, non-finite proposals, updates skipped for a NaN energy change. 0 for a healthy step.
    /// </summary>
    int NumericalFailures { get; }
}
