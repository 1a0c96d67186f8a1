using LanguageExt.Common;

namespace Ebm.Functional.Datasets;

/// <summary>Errors of the data generators, splits and minibatches (codes 8201-8299).</summary>
public static class DatasetErrors
{
    /// <summary>Code of <see cref="InvalidBatch"/>.</summary>
    public const int InvalidBatchCode = 8201;

    /// <summary>Code of <see cref="InvalidSize"/>.</summary>
    public const int InvalidSizeCode = 8202;

    /// <summary>Code of <see cref="InvalidSetting"/>.</summary>
    public const int InvalidSettingCode = 8203;

    /// <summary>Code of <see cref="NotProbability"/>.</summary>
    public const int NotProbabilityCode = 8204;

    /// <summary>Code of <see cref="NotMixing"/>.</summary>
    public const int NotMixingCode = 8205;

    /// <summary>Code of <see cref="UnknownToy"/>.</summary>
    public const int UnknownToyCode = 8206;

    /// <summary>Code of <see cref="ConstantColumn"/>.</summary>
    public const int ConstantColumnCode = 8207;

    /// <summary>Code of <see cref="NonFiniteValue"/>.</summary>
    public const int NonFiniteValueCode = 8208;

    /// <summary>The data set is empty or the batch size is below 1.</summary>
    public static Error InvalidBatch(string problem) => Error.New(InvalidBatchCode, $"minibatches: {problem}");

    /// <summary>A generator's size (side, count, fraction) is out of range.</summary>
    public static Error InvalidSize(string name, string problem) => Error.New(InvalidSizeCode, $"{name}: {problem}");

    /// <summary>A real-valued setting (beta, a fraction, a threshold) outside its range.</summary>
    public static Error InvalidSetting(string name, string problem) => Error.New(InvalidSettingCode, $"{name}: {problem}");

    /// <summary>A value that cannot be a probability where stochastic binarisation needs one.</summary>
    public static Error NotProbability(int row, int column, double value) =>
        Error.New(NotProbabilityCode, $"stochastic binarisation: row {row}, value {column} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; probabilities lie in [0, 1] (scale the data first)");

    /// <summary>Chains whose autocorrelation time could not be measured within the sweep budget.</summary>
    public static Error NotMixing(string model, double beta, int sweeps, double tau) =>
        Error.New(NotMixingCode, $"{model} samples at beta {beta.ToString(System.Globalization.CultureInfo.InvariantCulture)}: after {sweeps} sweeps the chains' autocorrelation time ({tau.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} sweeps) is still more than a twentieth of the measured stretch; lower beta or the size, or raise the sweep budget");

    /// <summary>A built-in 2-D toy name that is not one of <paramref name="known"/>.</summary>
    public static Error UnknownToy(string name, IEnumerable<string> known) =>
        Error.New(UnknownToyCode, $"2-D toy '{name}' is unknown; the toys are {string.Join(", ", known)}");

    /// <summary>A data column with one value only: standardisation would divide by a zero standard deviation.</summary>
    public static Error ConstantColumn(int column, double value) =>
        Error.New(ConstantColumnCode, $"standardisation: column {column} holds the single value {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} in every row, so it has no spread to scale by; drop the column");

    /// <summary>A NaN or infinite value where a finite number is needed.</summary>
    public static Error NonFiniteValue(string what, int row, int column, double value) =>
        Error.New(NonFiniteValueCode, $"{what}: row {row}, column {column} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, expected a finite number");
}
