namespace Ebm.Cli.Showcase;

/// <summary>Ising thermodynamics per spin at one beta.</summary>
/// <param name="LogZ">log Z / N (= -beta f).</param>
/// <param name="Energy">U / N.</param>
/// <param name="HeatCapacity">C / N = beta^2 Var(E) / N.</param>
internal sealed record IsingPerSpin(double LogZ, double Energy, double HeatCapacity);
