using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>The settings of <see cref="LinkedImportanceSampling"/>; only <see cref="Create"/> makes one.</summary>
public sealed record LinkedImportanceSamplingOptions
{
    private LinkedImportanceSamplingOptions(AnnealingSchedule schedule, int replicas, int chainLength, int movesPerState)
    {
        Schedule = schedule;
        Replicas = replicas;
        ChainLength = chainLength;
        MovesPerState = movesPerState;
    }

    /// <summary>The distributions t_0 .. t_n linked by the chains.</summary>
    public AnnealingSchedule Schedule { get; }

    /// <summary>Independent linked runs; the standard error comes from their spread.</summary>
    public int Replicas { get; }

    /// <summary>K, the states per chain at each distribution.</summary>
    public int ChainLength { get; }

    /// <summary>Kernel transitions between successive states of a chain.</summary>
    public int MovesPerState { get; }

    /// <summary>Checks the settings and reports every problem at once.</summary>
    /// <param name="schedule">The distributions to link.</param>
    /// <param name="replicas">Independent runs, at least 2.</param>
    /// <param name="chainLength">States per chain, at least 1.</param>
    /// <param name="movesPerState">Kernel transitions between chain states, at least 1.</param>
    public static Validation<Error, LinkedImportanceSamplingOptions> Create(AnnealingSchedule? schedule, int replicas = 32, int chainLength = 10, int movesPerState = 1)
    {
        var errors = Seq<Error>();
        if (schedule is null) errors = errors.Add(LinkedImportanceSamplingErrors.MissingSchedule());
        if (replicas < 2) errors = errors.Add(LinkedImportanceSamplingErrors.InvalidReplicas(replicas));
        if (chainLength < 1) errors = errors.Add(LinkedImportanceSamplingErrors.InvalidChainLength(chainLength));
        if (movesPerState < 1) errors = errors.Add(LinkedImportanceSamplingErrors.InvalidMovesPerState(movesPerState));
        return errors.IsEmpty
            ? Success<Error, LinkedImportanceSamplingOptions>(new LinkedImportanceSamplingOptions(schedule!, replicas, chainLength, movesPerState))
            : Fail<Error, LinkedImportanceSamplingOptions>(errors);
    }
}
