using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimators;

/// <summary>One blocked SMC run (<see cref="SmcCoordinator"/>): what <see cref="SmcRun{TState}"/> says, less the particles, which stay in their blocks.</summary>
/// <param name="Estimate">The estimate, with the trace of log Z over the visited points.</param>
/// <param name="ResamplingEvents">How many steps resampled.</param>
/// <param name="Schedule">The points visited (the fixed schedule, or those adaptive tempering chose).</param>
/// <param name="ConditionalEss">The conditional ESS of each step, as a fraction of N.</param>
public sealed record SmcBlockedRun(LogZEstimate Estimate, int ResamplingEvents, AnnealingSchedule Schedule, Vec ConditionalEss)
{
    /// <summary>The run as a repetition of <see cref="Smc.Run{TState}"/> (for <see cref="Smc.Combine"/>).</summary>
    public SmcRepetition ToRepetition() => new(Estimate, ResamplingEvents, Schedule.Steps);
}
