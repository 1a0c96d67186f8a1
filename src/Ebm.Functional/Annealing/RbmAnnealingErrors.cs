using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>Errors of the RBM annealing paths, base rates and exact RBM draws (codes 7030-7049).</summary>
public static class RbmAnnealingErrors
{
    /// <summary>Code of <see cref="InvalidSmoothing"/>.</summary>
    public const int InvalidSmoothingCode = 7030;

    /// <summary>Code of <see cref="DataOutOfRange"/>.</summary>
    public const int DataOutOfRangeCode = 7031;

    /// <summary>Code of <see cref="HiddenLayerTooLarge"/>.</summary>
    public const int HiddenLayerTooLargeCode = 7032;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 7033;

    /// <summary>A base-rate smoothing that is not positive and finite.</summary>
    public static Error InvalidSmoothing(double smoothing) =>
        Error.New(InvalidSmoothingCode, $"base rate: the smoothing must be positive and finite, not {smoothing}");

    /// <summary>Data entries outside [0, 1] (or not numbers).</summary>
    public static Error DataOutOfRange(int row, int column, double value) =>
        Error.New(DataOutOfRangeCode, $"base rate: entry ({row}, {column}) is {value}; visible data must lie in [0, 1]");

    /// <summary>A hidden layer too large to enumerate for exact draws.</summary>
    public static Error HiddenLayerTooLarge(int hidden, int limit) =>
        Error.New(HiddenLayerTooLargeCode, $"exact RBM draws enumerate 2^nh hidden states: nh = {hidden} exceeds {limit}");

    /// <summary>An inverse temperature that is negative or not finite.</summary>
    public static Error InvalidBeta(double beta) =>
        Error.New(InvalidBetaCode, $"exact RBM draws: beta must be finite and >= 0, not {beta}");
}
