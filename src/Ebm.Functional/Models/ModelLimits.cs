namespace Ebm.Functional.Models;

/// <summary>
/// The largest models the library accepts. Beyond these a model no longer fits the memory of an
/// ordinary machine in the dense layout we use, so construction fails with a clear error.
/// </summary>
public static class ModelLimits
{
    /// <summary>Largest side of an Ising lattice.</summary>
    public const int MaxLatticeSide = 4096;

    /// <summary>Most units of a Boltzmann machine (its coupling matrix is dense).</summary>
    public const int MaxBoltzmannUnits = 4096;

    /// <summary>Most units in one layer of an RBM.</summary>
    public const int MaxLayerUnits = 100_000;

    /// <summary>Most entries of an RBM weight matrix.</summary>
    public const long MaxWeights = 50_000_000;

    /// <summary>Largest dimension of a Gaussian energy.</summary>
    public const int MaxGaussianDimension = 4096;
}
