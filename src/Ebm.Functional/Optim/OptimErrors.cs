using LanguageExt.Common;

namespace Ebm.Functional.Optim;

/// <summary>Errors of the gradient transformations, schedules and optimizers (codes 8001-8099).</summary>
public static class OptimErrors
{
    /// <summary>Code of <see cref="NotFinite"/>.</summary>
    public const int NotFiniteCode = 8001;

    /// <summary>Code of <see cref="Negative"/>.</summary>
    public const int NegativeCode = 8002;

    /// <summary>Code of <see cref="NotPositive"/>.</summary>
    public const int NotPositiveCode = 8003;

    /// <summary>Code of <see cref="DecayOutOfRange"/>.</summary>
    public const int DecayOutOfRangeCode = 8004;

    /// <summary>Code of <see cref="InvalidSteps"/>.</summary>
    public const int InvalidStepsCode = 8005;

    /// <summary>Code of <see cref="LengthMismatch"/>.</summary>
    public const int LengthMismatchCode = 8006;

    /// <summary>Code of <see cref="NotAFraction"/>.</summary>
    public const int NotAFractionCode = 8007;

    /// <summary>A hyper-parameter that must be a finite number is NaN or infinite.</summary>
    public static Error NotFinite(string name, double value) =>
        Error.New(NotFiniteCode, $"{name}: must be finite, got {value}");

    /// <summary>A hyper-parameter that must be finite and &gt;= 0 (a learning rate, a weight decay, a penalty) is not.</summary>
    public static Error Negative(string name, double value) =>
        Error.New(NegativeCode, $"{name}: must be finite and >= 0, got {value}");

    /// <summary>A hyper-parameter that must be finite and &gt; 0 (Adam's epsilon, a clipping norm) is not.</summary>
    public static Error NotPositive(string name, double value) =>
        Error.New(NotPositiveCode, $"{name}: must be finite and > 0, got {value}");

    /// <summary>A decay rate (momentum, Adam's b1 or b2) lies outside [0, 1).</summary>
    public static Error DecayOutOfRange(string name, double value) =>
        Error.New(DecayOutOfRangeCode, $"{name}: must lie in [0, 1), got {value}");

    /// <summary>A schedule's number of steps is negative (or zero where a length is divided by).</summary>
    public static Error InvalidSteps(string name, long value, long minimum) =>
        Error.New(InvalidStepsCode, $"{name}: must be >= {minimum}, got {value}");

    /// <summary>Gradients, parameters, updates or a state's buffers do not have the same length.</summary>
    public static Error LengthMismatch(string what, int expected, int actual) =>
        Error.New(LengthMismatchCode, $"{what}: expected length {expected}, got {actual}");

    /// <summary>A fraction (a cosine schedule's final fraction alpha) lies outside [0, 1].</summary>
    public static Error NotAFraction(string name, double value) =>
        Error.New(NotAFractionCode, $"{name}: must lie in [0, 1], got {value}");
}
