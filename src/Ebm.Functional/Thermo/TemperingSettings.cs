using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// How long parallel tempering over a beta grid runs: <see cref="Chains"/> independent chains at every rung, each
/// swept <see cref="BurnIn"/> times unrecorded, then <see cref="Sweeps"/> times recorded.
/// </summary>
/// <param name="Chains">Independent chains per rung (at least 1).</param>
/// <param name="Sweeps">Recorded sweeps (at least <see cref="MinimumSweeps"/>; the batch-means errors need several batches).</param>
/// <param name="BurnIn">Unrecorded sweeps before them (at least 0).</param>
/// <param name="MaxDegreeOfParallelism">Threads over chains, or over bands of rows when one chain of a multi-spin coded Ising
/// lattice runs per rung (-1: all); results do not depend on it.</param>
public sealed record TemperingSettings(int Chains = 4, int Sweeps = 4000, int BurnIn = 500, int MaxDegreeOfParallelism = -1)
{
    /// <summary>Fewest recorded sweeps: 16 batches of 4, the least that gives an error bar worth printing.</summary>
    public const int MinimumSweeps = 64;

    /// <summary>Succeeds with the settings when every field is in range.</summary>
    public Fin<TemperingSettings> Validate()
    {
        if (Chains < 1) return FinFail<TemperingSettings>(ThermoErrors.InvalidSettings("chains", $"{Chains}, expected at least 1"));
        if (Sweeps < MinimumSweeps) return FinFail<TemperingSettings>(ThermoErrors.InvalidSettings("sweeps", $"{Sweeps}, expected at least {MinimumSweeps}"));
        if (BurnIn < 0) return FinFail<TemperingSettings>(ThermoErrors.InvalidSettings("burn-in", $"{BurnIn}, expected at least 0"));
        return FinSucc(this);
    }
}
