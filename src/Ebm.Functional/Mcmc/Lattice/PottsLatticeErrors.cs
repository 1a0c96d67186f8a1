using LanguageExt.Common;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>The errors of the Potts and clock lattice kernels' constructors (codes 6201-6299).</summary>
public static class PottsLatticeErrors
{
    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 6201;

    /// <summary>Code of <see cref="NotALattice"/>.</summary>
    public const int NotALatticeCode = 6202;

    /// <summary>Code of <see cref="ClusterNotSupported"/>.</summary>
    public const int ClusterNotSupportedCode = 6203;

    /// <summary>beta is NaN or infinite.</summary>
    public static Error InvalidBeta(double beta) => Error.New(InvalidBetaCode, $"beta: must be finite, got {beta}");

    /// <summary>A categorical model that is not a Potts or clock lattice.</summary>
    public static Error NotALattice(string kind) =>
        Error.New(NotALatticeCode, $"the lattice kernels sample the potts and clock lattices, not a {kind} model");

    /// <summary>A cluster move asked of a model it does not sample exactly.</summary>
    public static Error ClusterNotSupported(string algorithm, string why) =>
        Error.New(ClusterNotSupportedCode, $"{algorithm} cluster moves {why}");
}
