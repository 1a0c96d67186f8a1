using Ebm.Functional.Models;
using LanguageExt.Common;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>The errors of the multi-spin coded lattice kernels (codes 6301-6399).</summary>
public static class MultiSpinErrors
{
    /// <summary>Code of <see cref="UnsupportedLattice"/>.</summary>
    public const int UnsupportedLatticeCode = 6301;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 6302;

    /// <summary>
    /// The lattice is not a periodic lattice with even sides: the packed layout stores each row's two colours in
    /// separate words, which needs an even number of columns, and the two-colour checkerboard needs even rows too.
    /// </summary>
    public static Error UnsupportedLattice(IsingModel model) =>
        Error.New(UnsupportedLatticeCode,
            $"lattice: multi-spin coding needs a periodic lattice with an even number of rows and of columns, got {model.Rows} x {model.Columns} {model.Boundary.ToString().ToLowerInvariant()}");

    /// <summary>beta is NaN or infinite.</summary>
    public static Error InvalidBeta(double beta) => Error.New(InvalidBetaCode, $"beta: must be finite, got {beta}");
}
