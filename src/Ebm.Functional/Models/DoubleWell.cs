using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A 2-D double-well energy E(x, y) = barrier (x^2 - 1)^2 + stiffness y^2 / 2, minima at (+-1, 0).
/// </summary>
public sealed partial record DoubleWell : IEnergyModel
{
    private DoubleWell(double barrier, double stiffness)
    {
        Barrier = barrier;
        Stiffness = stiffness;
    }

    /// <summary>Height of the barrier at x = 0 above the minima (positive).</summary>
    public double Barrier { get; }

    /// <summary>Curvature in y (positive).</summary>
    public double Stiffness { get; }

    /// <summary>"double-well".</summary>
    public string Kind => "double-well";

    /// <summary>Always 2.</summary>
    public int Dimension => 2;

    /// <summary>Validates and builds the energy.</summary>
    public static Validation<Error, DoubleWell> Create(double barrier = 1.0, double stiffness = 1.0)
    {
        var errors = new List<Error>();
        FieldChecks.Finite(errors, "barrier", barrier);
        FieldChecks.Finite(errors, "stiffness", stiffness);
        if (!(barrier > 0)) errors.Add(ModelErrors.InvalidField("barrier", $"= {barrier}, expected a positive number"));
        if (!(stiffness > 0)) errors.Add(ModelErrors.InvalidField("stiffness", $"= {stiffness}, expected a positive number"));
        return FieldChecks.Result(errors, () => new DoubleWell(barrier, stiffness));
    }
}
