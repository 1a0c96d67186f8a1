using LanguageExt.Common;

namespace Ebm.Functional.Training;

/// <summary>
/// Errors of the objectives for continuous and neural energies (score matching, noise-contrastive estimation, Langevin
/// maximum likelihood, the joint energy-based classifier) and of their helpers (codes 8501-8599).
/// </summary>
public static class ContinuousTrainingErrors
{
    /// <summary>Code of <see cref="InvalidSetting"/>.</summary>
    public const int InvalidSettingCode = 8501;

    /// <summary>Code of <see cref="WrongWidth"/>.</summary>
    public const int WrongWidthCode = 8502;

    /// <summary>Code of <see cref="NotFiniteData"/>.</summary>
    public const int NotFiniteDataCode = 8503;

    /// <summary>Code of <see cref="BadLabel"/>.</summary>
    public const int BadLabelCode = 8504;

    /// <summary>Code of <see cref="DegenerateData"/>.</summary>
    public const int DegenerateDataCode = 8505;

    /// <summary>Code of <see cref="NotFiniteResult"/>.</summary>
    public const int NotFiniteResultCode = 8506;

    /// <summary>Code of <see cref="LengthMismatch"/>.</summary>
    public const int LengthMismatchCode = 8507;

    /// <summary>An objective's or a distribution's setting (a noise scale, a step size, a ratio) is out of range.</summary>
    public static Error InvalidSetting(string name, string problem) => Error.New(InvalidSettingCode, $"{name}: {problem}");

    /// <summary>The data's rows do not have the model's number of coordinates.</summary>
    public static Error WrongWidth(string objective, int expected, int actual) =>
        Error.New(WrongWidthCode, $"{objective}: the data has {actual} values per example, the model takes {expected}");

    /// <summary>A value of the data is NaN or infinite.</summary>
    public static Error NotFiniteData(string objective, int row, int column, double value) =>
        Error.New(NotFiniteDataCode, $"{objective}: example {row + 1}, value {column + 1} is {value}, expected a finite number");

    /// <summary>A labelled example's last column is not a class index 0..K-1.</summary>
    public static Error BadLabel(string objective, int row, double value, int classes) =>
        Error.New(BadLabelCode, $"{objective}: example {row + 1} has label {value} in its last column, expected a class index 0..{classes - 1}");

    /// <summary>The data cannot fit the requested distribution (too few rows, a zero variance, a singular covariance).</summary>
    public static Error DegenerateData(string what, string problem) => Error.New(DegenerateDataCode, $"{what}: {problem}");

    /// <summary>An objective's loss or gradient became NaN or infinite (a diverging model or a step size too large).</summary>
    public static Error NotFiniteResult(string objective, string what) =>
        Error.New(NotFiniteResultCode, $"{objective}: {what} is not finite: lower the learning rate or the Langevin step size");

    /// <summary>Two inputs that must have the same length do not.</summary>
    public static Error LengthMismatch(string what, int expected, int actual) =>
        Error.New(LengthMismatchCode, $"{what}: expected {expected} entries, got {actual}");
}
