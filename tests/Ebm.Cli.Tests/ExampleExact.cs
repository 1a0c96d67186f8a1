using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Cli.Tests;

/// <summary>
/// Exact log Z(1) of the example models the estimator tests run, computed here and not by the command under test:
/// each model is rebuilt from its example's parameters (written out below, not read from the file) and handed to the
/// library's exact method (enumeration, Kaufman's formula, the RBM layer sum, 2-D quadrature), or the value is a
/// closed form with its derivation.
/// </summary>
internal static class ExampleExact
{
    /// <summary>The 3-spin machine of boltzmann-machine-3.json.</summary>
    public static BoltzmannMachine Machine3 { get; } = Machine([[0, 0.5, -0.2], [0.5, 0, 0.3], [-0.2, 0.3, 0]], [0.1, 0, -0.1]);

    /// <summary>log Z(1) of an example by name.</summary>
    public static double LogZ(string example) => example switch
    {
        "ising-4x4.json" => Ising4x4(1.0).LogZ,
        // Three spins: a sum over 2^3 states.
        "boltzmann-machine-3.json" => Valid(Enumeration.Compute(Machine3, 1.0)).LogZ,
        // Three visible and two hidden units: the visible layer summed out over the 2^2 hidden states.
        "bernoulli-rbm-3x2.json" => Valid(RbmExact.Compute(Valid(BernoulliRbm.Create(
            Mat.FromRows([[0.5, -0.25], [0.1, 0.3], [-0.4, 0.2]]), Vec.Of(0.1, -0.2, 0.05), Vec.Of(0.3, -0.1))), 1.0)).LogZ,
        // E = (x - mu)^T P (x - mu) / 2 with P = [[2, 0.5], [0.5, 1]], det P = 1.75: log Z = log(2 pi) - log(1.75) / 2 = 1.5580692.
        "gaussian-2d.json" => Math.Log(2 * Math.PI) - 0.5 * Math.Log(1.75),
        // E = 2 (x^2 - 1)^2 + y^2 / 2: 2-D quadrature.
        "double-well.json" => Valid(ToyExact.Compute(Valid(DoubleWell.Create(2.0, 1.0)), 1.0)).LogZ,
        // E = -log sum_k w_k N(x; mu_k, sigma_k^2 I) with weights 0.5 + 0.3 + 0.2 = 1: exp(-E) is a density, Z = 1.
        "gaussian-mixture-2d.json" => 0.0,
        _ => throw new ArgumentException($"no exact value written for {example}", nameof(example)),
    };

    /// <summary>The exact thermodynamics of ising-4x4.json (4 x 4 periodic torus, J = 1, h = 0) at beta: Kaufman's finite-lattice formula.</summary>
    public static ExactResult Ising4x4(double beta) => Valid(Kaufman.Compute(Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic)), beta));

    /// <summary>A spin machine with the given couplings and biases.</summary>
    public static BoltzmannMachine Machine(double[][] couplings, double[] biases) =>
        Valid(BoltzmannMachine.Create(Mat.FromRows(couplings), Vec.Of(biases), StateConvention.Spin));

    /// <summary>log Z(1) of a spin machine by enumeration.</summary>
    public static double LogZ(BoltzmannMachine machine) => Valid(Enumeration.Compute(machine, 1.0)).LogZ;

    private static T Valid<T>(Validation<Error, T> value) => value.Match(x => x, e => throw new InvalidOperationException(string.Join("; ", e)));

    private static T Valid<T>(Fin<T> value) => value.Match(x => x, e => throw new InvalidOperationException(e.Message));
}
