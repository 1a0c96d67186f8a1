using LanguageExt.Common;

namespace Ebm.Functional.Exact;

/// <summary>Errors of the exact RBM draws (codes 7032-7033, kept from the RBM annealing catalogue they began in).</summary>
public static class ExactDrawErrors
{
    /// <summary>Code of <see cref="HiddenLayerTooLarge"/>.</summary>
    public const int HiddenLayerTooLargeCode = 7032;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 7033;

    /// <summary>A hidden layer too large to enumerate for exact draws.</summary>
    public static Error HiddenLayerTooLarge(int hidden, int limit) =>
        Error.New(HiddenLayerTooLargeCode, $"exact RBM draws enumerate 2^nh hidden states: nh = {hidden} exceeds {limit}");

    /// <summary>An inverse temperature that is negative or not finite.</summary>
    public static Error InvalidBeta(double beta) =>
        Error.New(InvalidBetaCode, $"exact RBM draws: beta must be finite and >= 0, not {beta}");
}
