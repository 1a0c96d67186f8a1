using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// What every kernel's info reports, so runners and the CLI can summarise any kernel: the acceptance
/// rate of the step for each chain (the mean Metropolis-Hastings acceptance probability over the step's
/// proposals; 1 for Gibbs and cluster moves, which always move).
/// </summary>
public interface IAcceptanceInfo
{
    /// <summary>Acceptance rate of this step, one entry per chain.</summary>
    Vec AcceptanceRates { get; }
}
