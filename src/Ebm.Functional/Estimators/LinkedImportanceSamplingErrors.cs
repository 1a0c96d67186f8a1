using LanguageExt.Common;

namespace Ebm.Functional.Estimators;

/// <summary>Errors of linked importance sampling options (codes 7060-7069).</summary>
public static class LinkedImportanceSamplingErrors
{
    /// <summary>Code of <see cref="InvalidReplicas"/>.</summary>
    public const int InvalidReplicasCode = 7060;

    /// <summary>Code of <see cref="InvalidChainLength"/>.</summary>
    public const int InvalidChainLengthCode = 7061;

    /// <summary>Code of <see cref="InvalidMovesPerState"/>.</summary>
    public const int InvalidMovesPerStateCode = 7062;

    /// <summary>Code of <see cref="MissingSchedule"/>.</summary>
    public const int MissingScheduleCode = 7063;

    /// <summary>Code of <see cref="UnsupportedState"/>.</summary>
    public const int UnsupportedStateCode = 7064;

    /// <summary>A path whose particles cannot be stacked into one batch.</summary>
    public static Error UnsupportedState(string state) =>
        Error.New(UnsupportedStateCode,
            $"linked-is: particles of type {state} cannot be stacked; linked importance sampling supports discrete, continuous, RBM (joint or annealing) and Ising chains");

    /// <summary>Fewer than two independent replicas.</summary>
    public static Error InvalidReplicas(int replicas) =>
        Error.New(InvalidReplicasCode, $"linked-is: replicas is {replicas}; at least 2 independent runs are needed for a standard error");

    /// <summary>Chains of fewer than one state.</summary>
    public static Error InvalidChainLength(int length) =>
        Error.New(InvalidChainLengthCode, $"linked-is: the chain length is {length}; each distribution needs at least 1 state");

    /// <summary>Fewer than one kernel transition between successive chain states.</summary>
    public static Error InvalidMovesPerState(int moves) =>
        Error.New(InvalidMovesPerStateCode, $"linked-is: moves per state is {moves}; it must be at least 1");

    /// <summary>No schedule.</summary>
    public static Error MissingSchedule() =>
        Error.New(MissingScheduleCode, "linked-is: a schedule is required");
}
