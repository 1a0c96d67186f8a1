using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The settings of a Wang-Landau run (Wang &amp; Landau 2001, with the 1/t refinement of Belardinelli &amp; Pereyra 2007).
/// </summary>
/// <remarks>
/// Each walker starts with ln f = <see cref="InitialLogF"/>; every <see cref="CheckEverySweeps"/> sweeps it tests its
/// histogram of the current stage, and when the histogram is flat (the least count over the bins it has ever visited at
/// least <see cref="Flatness"/> times their mean) it halves ln f and starts a new histogram. Once ln f falls to 1/t or
/// below (t = trials / visited bins, the Monte Carlo time per energy level of Belardinelli &amp; Pereyra), ln f follows
/// 1/t at every trial and no longer waits for flatness; the walker stops when ln f reaches <see cref="FinalLogF"/>, after
/// about visited bins / FinalLogF trials. A walker that has not stopped after <see cref="MaxSweeps"/> sweeps fails the
/// run (<see cref="WangLandauErrors.NotConverged"/>). A sweep is one trial per unit.
/// </remarks>
public sealed record WangLandauSettings
{
    /// <summary>A histogram is flat when its least count is at least this fraction of its mean (0 &lt; flatness &lt; 1; default 0.8).</summary>
    public double Flatness { get; init; } = 0.8;

    /// <summary>ln f of the first stage (default 1, f = e).</summary>
    public double InitialLogF { get; init; } = 1.0;

    /// <summary>ln f at which a walker stops (default 1e-6); the statistical error of ln g falls as sqrt(FinalLogF).</summary>
    public double FinalLogF { get; init; } = 1e-6;

    /// <summary>Sweeps between two flatness checks (default 100).</summary>
    public int CheckEverySweeps { get; init; } = 100;

    /// <summary>Most sweeps a walker may take (default 10^7).</summary>
    public long MaxSweeps { get; init; } = 10_000_000;

    /// <summary>Independent walkers (at least 2, default 4): their spread gives the error bars.</summary>
    public int Walkers { get; init; } = 4;

    /// <summary>Most walkers run at once; -1 leaves it to the executor. Does not change the result.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The energy bins of a discrete model whose spectrum the library cannot derive (any <c>IDiscreteModel</c> but the Ising lattice).</summary>
    public Option<EnergyGrid> Grid { get; init; } = None;

    /// <summary>Checks every setting; every problem is reported.</summary>
    public Validation<Error, WangLandauSettings> Validate()
    {
        var errors = new List<Error>();
        if (!(Flatness > 0 && Flatness < 1)) errors.Add(WangLandauErrors.InvalidSetting("flatness", $"must lie strictly between 0 and 1, got {Flatness}"));
        if (!(double.IsFinite(InitialLogF) && InitialLogF > 0)) errors.Add(WangLandauErrors.InvalidSetting("initial ln f", $"must be a finite number > 0, got {InitialLogF}"));
        if (!(FinalLogF > 0 && FinalLogF <= InitialLogF)) errors.Add(WangLandauErrors.InvalidSetting("final ln f", $"must be > 0 and at most the initial ln f, got {FinalLogF}"));
        if (CheckEverySweeps < 1) errors.Add(WangLandauErrors.InvalidSetting("check every", $"must be at least 1 sweep, got {CheckEverySweeps}"));
        if (MaxSweeps < 1) errors.Add(WangLandauErrors.InvalidSetting("max sweeps", $"must be at least 1, got {MaxSweeps}"));
        if (Walkers < 2) errors.Add(WangLandauErrors.InvalidSetting("walkers", $"must be at least 2 (their spread gives the error bars), got {Walkers}"));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            errors.Add(WangLandauErrors.InvalidSetting("max degree of parallelism", $"must be -1 or at least 1, got {MaxDegreeOfParallelism}"));
        return errors.Count == 0 ? Success<Error, WangLandauSettings>(this) : Fail<Error, WangLandauSettings>(errors.ToSeq());
    }
}
