namespace Ebm.Functional.Shell.Data;

/// <summary>The values a data set must hold: any finite reals, or the states of a binary or spin model.</summary>
public enum DataValues
{
    /// <summary>Any finite real numbers (a Gaussian-Bernoulli RBM's data, or pixel intensities to binarise).</summary>
    Real,

    /// <summary>0 and 1 only (a Bernoulli RBM, a Boltzmann machine with binary states).</summary>
    Binary,

    /// <summary>-1 and +1 only (an Ising model, a Boltzmann machine with spin states).</summary>
    Spin,
}
