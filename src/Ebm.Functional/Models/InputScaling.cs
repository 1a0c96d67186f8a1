using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The affine map from data units to a network's input units, u = (x - Shift) / Scale per coordinate (standardisation
/// fitted to the training data and saved with the model, so energies, samples and log Z are in data units).
/// </summary>
public sealed record InputScaling
{
    private InputScaling(Vec shift, Vec scale) => (Shift, Scale) = (shift, scale);

    /// <summary>Subtracted from each coordinate.</summary>
    public Vec Shift { get; }

    /// <summary>Divides each coordinate after the shift (positive).</summary>
    public Vec Scale { get; }

    /// <summary>Coordinates.</summary>
    public int Dimension => Shift.Length;

    /// <summary>Validates and builds the map: equal lengths of at least one, finite shifts, finite positive scales.</summary>
    public static Validation<Error, InputScaling> Create(Vec shift, Vec scale)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(scale);
        var errors = new List<Error>();
        if (shift.Length < 1) errors.Add(ModelErrors.InvalidField("shift", "must have at least one entry"));
        FieldChecks.Length(errors, "scale", scale, shift.Length, "one per shift entry");
        FieldChecks.Finite(errors, "shift", shift);
        FieldChecks.Finite(errors, "scale", scale);
        for (var i = 0; i < scale.Length; i++)
            if (!(scale[i] > 0))
            {
                errors.Add(ModelErrors.InvalidField("scale", $"entry {i + 1} = {scale[i]}, expected a positive number"));
                break;
            }

        return FieldChecks.Result(errors, () => new InputScaling(shift, scale));
    }

    /// <summary>The identity on <paramref name="dimension"/> coordinates.</summary>
    public static InputScaling Identity(int dimension) =>
        new(Vec.Create(dimension, _ => { }), Vec.Create(dimension, d => d.Fill(1.0)));

    /// <summary>log |det| of the map from data units to input units, -sum log Scale: log Z in data units is log Z in input units minus this.</summary>
    public double LogJacobian
    {
        get
        {
            var sum = 0.0;
            foreach (var s in Scale.Span) sum -= Math.Log(s);
            return sum;
        }
    }

    /// <summary>u = (x - Shift) / Scale into <paramref name="destination"/>.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> destination)
    {
        ReadOnlySpan<double> shift = Shift.Span, scale = Scale.Span;
        for (var i = 0; i < shift.Length; i++) destination[i] = (x[i] - shift[i]) / scale[i];
    }

    /// <summary>x = Shift + Scale u into <paramref name="destination"/>.</summary>
    public void Invert(ReadOnlySpan<double> u, Span<double> destination)
    {
        ReadOnlySpan<double> shift = Shift.Span, scale = Scale.Span;
        for (var i = 0; i < shift.Length; i++) destination[i] = shift[i] + scale[i] * u[i];
    }
}
