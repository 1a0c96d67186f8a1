using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A general pairwise binary MRF (Boltzmann machine): E(x) = -sum_{i&lt;j} W_ij x_i x_j - sum_i b_i x_i,
/// with W symmetric, zero diagonal, and x in {0,1}^n or {-1,+1}^n.
/// </summary>
public sealed partial record BoltzmannMachine : IEnergyModel
{
    private BoltzmannMachine(Mat couplings, Vec biases, StateConvention states)
    {
        Couplings = couplings;
        Biases = biases;
        States = states;
    }

    /// <summary>Symmetric coupling matrix W with zero diagonal (n x n).</summary>
    public Mat Couplings { get; }

    /// <summary>Biases b (n).</summary>
    public Vec Biases { get; }

    /// <inheritdoc />
    public StateConvention States { get; }

    /// <inheritdoc />
    public string Kind => "boltzmann-machine";

    /// <inheritdoc />
    public int Dimension => Biases.Length;

    /// <summary>Validates and builds a machine; every problem is reported.</summary>
    public static Validation<Error, BoltzmannMachine> Create(Mat couplings, Vec biases, StateConvention states)
    {
        var errors = new List<Error>();
        if (biases.Length < 1) errors.Add(ModelErrors.InvalidField("biases", "must have at least one unit"));
        if (biases.Length > ModelLimits.MaxBoltzmannUnits) errors.Add(ModelErrors.TooLarge("biases", biases.Length, ModelLimits.MaxBoltzmannUnits));
        FieldChecks.Square(errors, "couplings", couplings);
        if (couplings.Rows != biases.Length)
            errors.Add(ModelErrors.InvalidField("couplings", $"has {couplings.Rows} rows, expected {biases.Length} (one per bias)"));
        FieldChecks.Finite(errors, "couplings", couplings);
        FieldChecks.Finite(errors, "biases", biases);
        FieldChecks.Symmetric(errors, "couplings", couplings);
        if (couplings.Rows == couplings.Columns)
            for (var i = 0; i < couplings.Rows; i++)
                if (couplings[i, i] != 0.0)
                {
                    errors.Add(ModelErrors.InvalidField("couplings", $"diagonal entry [{i}][{i}] = {couplings[i, i]}, expected 0"));
                    break;
                }

        return FieldChecks.Result(errors, () => new BoltzmannMachine(couplings, biases, states));
    }
}
