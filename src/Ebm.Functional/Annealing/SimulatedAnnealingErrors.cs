using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Errors of simulated annealing: cooling schedules, run settings, spin-glass instances and optimisation problems
/// (codes 7201-7299). All are expected errors of bad input.
/// </summary>
public static class SimulatedAnnealingErrors
{
    /// <summary>Code of <see cref="InvalidCooling"/>.</summary>
    public const int InvalidCoolingCode = 7201;

    /// <summary>Code of <see cref="InvalidSettings"/>.</summary>
    public const int InvalidSettingsCode = 7202;

    /// <summary>Code of <see cref="InvalidInstance"/>.</summary>
    public const int InvalidInstanceCode = 7203;

    /// <summary>Code of <see cref="InvalidProblem"/>.</summary>
    public const int InvalidProblemCode = 7204;

    /// <summary>Code of <see cref="TooLargeForEnumeration"/>.</summary>
    public const int TooLargeForEnumerationCode = 7205;

    /// <summary>A cooling schedule that cannot be built as asked (temperatures, sweeps, cycles).</summary>
    public static Error InvalidCooling(string why) => Error.New(InvalidCoolingCode, $"cooling schedule: {why}");

    /// <summary>Run settings that do not make a run (restarts, parallelism).</summary>
    public static Error InvalidSettings(string why) => Error.New(InvalidSettingsCode, $"annealing: {why}");

    /// <summary>A spin-glass instance that cannot be generated as asked (size, bond distribution).</summary>
    public static Error InvalidInstance(string why) => Error.New(InvalidInstanceCode, $"spin glass: {why}");

    /// <summary>A Max-Cut graph or QUBO matrix that does not make a problem (vertex range, asymmetry, non-finite weight).</summary>
    public static Error InvalidProblem(string problem, string why) => Error.New(InvalidProblemCode, $"{problem}: {why}");

    /// <summary>A model too large to find its ground state by enumerating every state.</summary>
    public static Error TooLargeForEnumeration(int units, int limit) =>
        Error.New(TooLargeForEnumerationCode, $"ground state by enumeration: {units} units (2^{units} states) is more than the {limit} units it visits in reasonable time");
}
