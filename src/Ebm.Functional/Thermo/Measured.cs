namespace Ebm.Functional.Thermo;

/// <summary>A value with its standard error: 0 for an exact value, NaN where the method cannot tell.</summary>
/// <param name="Value">The value.</param>
/// <param name="Error">Its standard error (one sigma).</param>
public readonly record struct Measured(double Value, double Error)
{
    /// <summary>An exact value (standard error 0).</summary>
    public static Measured Exact(double value) => new(value, 0.0);
}
