using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// How annealed importance sampling along a beta grid runs: <see cref="Particles"/> independent particles, the path
/// cut into <see cref="Substeps"/> equal steps between neighbouring rungs, <see cref="SweepsPerStep"/> kernel sweeps after each.
/// </summary>
/// <param name="Particles">Independent particles (at least 2).</param>
/// <param name="Substeps">Equal steps in beta between neighbouring rungs (at least 1): more make the weights less variable.</param>
/// <param name="SweepsPerStep">Kernel sweeps at every intermediate beta (at least 1).</param>
/// <param name="MaxDegreeOfParallelism">Threads over particles (-1: all); results do not depend on it.</param>
public sealed record AnnealedSettings(int Particles = 256, int Substeps = 4, int SweepsPerStep = 1, int MaxDegreeOfParallelism = -1)
{
    /// <summary>Succeeds with the settings when every field is in range.</summary>
    public Fin<AnnealedSettings> Validate()
    {
        if (Particles < 2) return FinFail<AnnealedSettings>(ThermoErrors.InvalidSettings("particles", $"{Particles}, expected at least 2"));
        if (Substeps < 1) return FinFail<AnnealedSettings>(ThermoErrors.InvalidSettings("substeps", $"{Substeps}, expected at least 1"));
        if (SweepsPerStep < 1) return FinFail<AnnealedSettings>(ThermoErrors.InvalidSettings("sweeps", $"{SweepsPerStep}, expected at least 1"));
        return FinSucc(this);
    }
}
