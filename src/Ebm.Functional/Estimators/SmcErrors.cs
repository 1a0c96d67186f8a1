using LanguageExt.Common;

namespace Ebm.Functional.Estimators;

/// <summary>Errors of sequential Monte Carlo options and of adaptive schedules and of resampling (codes 7050-7059).</summary>
public static class SmcErrors
{
    /// <summary>Code of <see cref="InvalidParticles"/>.</summary>
    public const int InvalidParticlesCode = 7050;

    /// <summary>Code of <see cref="InvalidResampleThreshold"/>.</summary>
    public const int InvalidResampleThresholdCode = 7051;

    /// <summary>Code of <see cref="InvalidScheme"/>.</summary>
    public const int InvalidSchemeCode = 7052;

    /// <summary>Code of <see cref="InvalidTargetConditionalEss"/>.</summary>
    public const int InvalidTargetConditionalEssCode = 7053;

    /// <summary>Code of <see cref="InvalidMovesPerStep"/>.</summary>
    public const int InvalidMovesPerStepCode = 7054;

    /// <summary>Code of <see cref="InvalidRepetitions"/>.</summary>
    public const int InvalidRepetitionsCode = 7055;

    /// <summary>Code of <see cref="InvalidMaxSteps"/>.</summary>
    public const int InvalidMaxStepsCode = 7056;

    /// <summary>Code of <see cref="InvalidAncestorCount"/>.</summary>
    public const int InvalidAncestorCountCode = 7057;

    /// <summary>Code of <see cref="InvalidResamplingWeights"/>.</summary>
    public const int InvalidResamplingWeightsCode = 7058;

    /// <summary>Code of <see cref="BadTransfer"/>.</summary>
    public const int BadTransferCode = 7059;

    /// <summary>Fewer than two particles.</summary>
    public static Error InvalidParticles(int particles) =>
        Error.New(InvalidParticlesCode, $"smc: particles is {particles}; at least 2 are needed");

    /// <summary>A resampling threshold outside [0, 1].</summary>
    public static Error InvalidResampleThreshold(double threshold) =>
        Error.New(InvalidResampleThresholdCode, $"smc: the resampling threshold is {threshold}; it is a fraction of the particle count in [0, 1] (0 never resamples, 1 always)");

    /// <summary>An undefined resampling scheme.</summary>
    public static Error InvalidScheme(int scheme) =>
        Error.New(InvalidSchemeCode, $"smc: {scheme} is not a resampling scheme");

    /// <summary>A target conditional ESS outside (0, 1) for adaptive tempering.</summary>
    public static Error InvalidTargetConditionalEss(double target) =>
        Error.New(InvalidTargetConditionalEssCode, $"smc: the target conditional ESS is {target}; adaptive tempering needs a fraction strictly between 0 and 1");

    /// <summary>A negative number of moves per step.</summary>
    public static Error InvalidMovesPerStep(int moves) =>
        Error.New(InvalidMovesPerStepCode, $"smc: moves per step is {moves}; it must be at least 1");

    /// <summary>Fewer than one repetition.</summary>
    public static Error InvalidRepetitions(int repetitions) =>
        Error.New(InvalidRepetitionsCode, $"smc: repetitions is {repetitions}; at least 1 is needed (2 or more for a standard error when resampling)");

    /// <summary>A step limit below 1 for adaptive tempering.</summary>
    public static Error InvalidMaxSteps(int maxSteps) =>
        Error.New(InvalidMaxStepsCode, $"smc: the step limit is {maxSteps}; it must be at least 1");

    /// <summary>Resampling asked for fewer than one ancestor.</summary>
    public static Error InvalidAncestorCount(int count) =>
        Error.New(InvalidAncestorCountCode, $"resampling: {count} ancestor(s) asked for; at least 1 is needed");

    /// <summary>Resampling weights that are empty, negative, not finite or all zero.</summary>
    /// <param name="why">What is wrong with them.</param>
    public static Error InvalidResamplingWeights(string why) =>
        Error.New(InvalidResamplingWeightsCode, $"resampling: the weights cannot be resampled from: {why}");

    /// <summary>A block of a blocked run given particles that do not match its part of a resampling (<see cref="SmcBlocks.Apply{TState}"/>).</summary>
    /// <param name="block">The block.</param>
    /// <param name="why">What does not match.</param>
    public static Error BadTransfer(int block, string why) =>
        Error.New(BadTransferCode, $"SMC block {block}: the particles received at a resampling do not match its plan: {why}");
}
