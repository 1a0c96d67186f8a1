namespace Ebm.Cli.Thermo;

/// <summary>A <see cref="Ebm.Functional.Thermo.RungTransfer"/> on the wire (<see cref="TemperingRungCodec"/>).</summary>
/// <param name="Rung">The rung.</param>
/// <param name="Rows">Chains.</param>
/// <param name="States">The configurations, chains x units, encoded.</param>
/// <param name="Energies">The cached energies, encoded.</param>
internal sealed record RungWire(int Rung, int Rows, string States, string Energies);
