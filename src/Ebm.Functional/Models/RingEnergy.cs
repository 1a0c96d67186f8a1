using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A 2-D ring energy E(x, y) = scale (x^2 + y^2 - radius^2)^2; the classic AIS demonstration uses
/// scale 0.1 and radius 1.
/// </summary>
public sealed partial record RingEnergy : IEnergyModel
{
    private RingEnergy(double radius, double scale)
    {
        Radius = radius;
        Scale = scale;
    }

    /// <summary>Radius of the ring of minima (positive).</summary>
    public double Radius { get; }

    /// <summary>Scale of the quartic (positive).</summary>
    public double Scale { get; }

    /// <summary>"ring".</summary>
    public string Kind => "ring";

    /// <summary>Always 2.</summary>
    public int Dimension => 2;

    /// <summary>Validates and builds the energy.</summary>
    public static Validation<Error, RingEnergy> Create(double radius = 1.0, double scale = 0.1)
    {
        var errors = new List<Error>();
        FieldChecks.Finite(errors, "radius", radius);
        FieldChecks.Finite(errors, "scale", scale);
        if (!(radius > 0)) errors.Add(ModelErrors.InvalidField("radius", $"= {radius}, expected a positive number"));
        if (!(scale > 0)) errors.Add(ModelErrors.InvalidField("scale", $"= {scale}, expected a positive number"));
        return FieldChecks.Result(errors, () => new RingEnergy(radius, scale));
    }
}
