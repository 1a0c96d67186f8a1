namespace Ebm.Functional.Estimators;

/// <summary>How a weighted particle set is turned into an equally weighted one.</summary>
/// <remarks>
/// Every scheme is unbiased: the expected number of copies of particle i is N W_i. They differ in variance:
/// multinomial is the noisiest; residual, stratified and systematic all have lower variance, and systematic
/// keeps each count within one of N W_i (Douc, Cappé and Moulines 2005).
/// </remarks>
public enum ResamplingScheme
{
    /// <summary>N independent draws from the categorical distribution of the weights (inverse CDF of N independent uniforms).</summary>
    Multinomial,

    /// <summary>One uniform U: the points (j + U) / N, j = 0..N-1, are mapped through the inverse CDF.</summary>
    Systematic,

    /// <summary>One uniform per stratum: the points (j + U_j) / N are mapped through the inverse CDF.</summary>
    Stratified,

    /// <summary>floor(N W_i) copies of particle i, the remaining R = N - sum floor(N W_i) drawn multinomially from the residual weights N W_i - floor(N W_i).</summary>
    Residual,
}
