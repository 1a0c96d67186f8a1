namespace Ebm.Functional.Thermo;

/// <summary>Where a curve peaks: its position in beta and its height, each with a standard error.</summary>
/// <param name="Beta">The beta of the maximum.</param>
/// <param name="Height">The value there.</param>
public sealed record FiniteSizePeak(Measured Beta, Measured Height)
{
    /// <summary>T = 1 / beta of the maximum, with the error carried over (sigma_T = sigma_beta / beta^2).</summary>
    public Measured Temperature => new(1.0 / Beta.Value, Beta.Error / (Beta.Value * Beta.Value));
}
