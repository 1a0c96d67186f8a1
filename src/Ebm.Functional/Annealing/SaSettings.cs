using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>The settings of a simulated-annealing run besides its schedule and kernel.</summary>
/// <param name="Restarts">Independent runs from fresh uniformly random states, at least 1; restart r draws from key.FoldIn(r).</param>
/// <param name="MaxDegreeOfParallelism">Threads over restarts (-1: all); the result does not depend on it.</param>
/// <param name="TracePoints">The most energies kept per restart for the trace (evenly spaced sweeps, the last always kept).</param>
public sealed record SaSettings(int Restarts = 1, int MaxDegreeOfParallelism = -1, int TracePoints = SaSettings.DefaultTracePoints)
{
    /// <summary>The default of <see cref="TracePoints"/>.</summary>
    public const int DefaultTracePoints = 1000;

    /// <summary>The settings if they make a run; every problem otherwise.</summary>
    public Validation<Error, SaSettings> Validate()
    {
        var errors = Seq<Error>();
        if (Restarts < 1) errors = errors.Add(SimulatedAnnealingErrors.InvalidSettings($"restarts must be at least 1, not {Restarts}"));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            errors = errors.Add(SimulatedAnnealingErrors.InvalidSettings($"the degree of parallelism is -1 (all cores) or at least 1, not {MaxDegreeOfParallelism}"));
        if (TracePoints < 1) errors = errors.Add(SimulatedAnnealingErrors.InvalidSettings($"trace points must be at least 1, not {TracePoints}"));
        return errors.IsEmpty ? Success<Error, SaSettings>(this) : Fail<Error, SaSettings>(errors);
    }

    /// <summary>The stride between kept sweeps so that at most <see cref="TracePoints"/> are kept of <paramref name="sweeps"/>.</summary>
    internal int TraceStride(int sweeps) => Math.Max(1, (sweeps + TracePoints - 1) / TracePoints);

    /// <summary>The sweeps (counted from 1) after which the trace keeps the energy: every stride-th, and the last.</summary>
    internal Vec TraceSweeps(int sweeps)
    {
        var stride = TraceStride(sweeps);
        var count = (sweeps + stride - 1) / stride;
        return Vec.Create(count, d =>
        {
            for (var j = 0; j < count; j++) d[j] = Math.Min((long)(j + 1) * stride, sweeps);
        });
    }
}
