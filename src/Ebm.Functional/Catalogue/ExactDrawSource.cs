namespace Ebm.Functional.Catalogue;

/// <summary>How the target p_beta of a model can be drawn exactly (independent draws, no Markov chain).</summary>
public enum ExactDrawSource
{
    /// <summary>Enumeration of every state (discrete models of at most <see cref="KernelCatalog.EnumerationDrawUnits"/> units).</summary>
    Enumeration,

    /// <summary>
    /// A Bernoulli RBM's hidden layer from its marginal (enumerating 2^nh configurations), then the visible units given it
    /// (at most <see cref="Exact.RbmExactDraws.MaxHidden"/> hidden units).
    /// </summary>
    RbmHiddenLayer,

    /// <summary>A Gaussian model, by its Cholesky factor.</summary>
    Gaussian,
}
