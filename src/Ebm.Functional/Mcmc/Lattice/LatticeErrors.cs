using LanguageExt.Common;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>The errors of the lattice kernels' constructors (codes 6101-6199).</summary>
public static class LatticeErrors
{
    /// <summary>Code of <see cref="FieldNotSupported"/>.</summary>
    public const int FieldNotSupportedCode = 6101;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 6102;

    /// <summary>A cluster algorithm was asked to sample a lattice with an external field.</summary>
    public static Error FieldNotSupported(string algorithm, double field) =>
        Error.New(FieldNotSupportedCode, $"field: {algorithm} cluster moves need h = 0 (a field breaks the spin-flip symmetry they rely on), got {field}");

    /// <summary>beta is NaN or infinite.</summary>
    public static Error InvalidBeta(double beta) => Error.New(InvalidBetaCode, $"beta: must be finite, got {beta}");
}
