using LanguageExt.Common;

namespace Ebm.Functional.Training;

/// <summary>Errors of the training pipeline and its objectives (codes 8101-8199).</summary>
public static class TrainingErrors
{
    /// <summary>Code of <see cref="WrongWidth"/>.</summary>
    public const int WrongWidthCode = 8101;

    /// <summary>Code of <see cref="EmptyBatch"/>.</summary>
    public const int EmptyBatchCode = 8102;

    /// <summary>Code of <see cref="ParameterLength"/>.</summary>
    public const int ParameterLengthCode = 8103;

    /// <summary>Code of <see cref="NotFinite"/>.</summary>
    public const int NotFiniteCode = 8104;

    /// <summary>Code of <see cref="InvalidSetting"/>.</summary>
    public const int InvalidSettingCode = 8105;

    /// <summary>Code of <see cref="ChainsMismatch"/>.</summary>
    public const int ChainsMismatchCode = 8106;

    /// <summary>Code of <see cref="StateOutsideSupport"/>.</summary>
    public const int StateOutsideSupportCode = 8107;

    /// <summary>A minibatch's rows are not as wide as the model's visible layer.</summary>
    public static Error WrongWidth(string family, int expected, int actual) =>
        Error.New(WrongWidthCode, $"{family}: the data has {actual} values per example, the model's visible layer {expected}");

    /// <summary>A minibatch or data set has no rows, or a batch size is not positive.</summary>
    public static Error EmptyBatch(string what) => Error.New(EmptyBatchCode, $"{what}: needs at least one example");

    /// <summary>A parameter vector does not have the family's length.</summary>
    public static Error ParameterLength(string family, int expected, int actual) =>
        Error.New(ParameterLengthCode, $"{family}: expected {expected} parameters, got {actual}");

    /// <summary>Training produced a non-finite gradient or parameter: the learning rate is too large for the model.</summary>
    public static Error NotFinite(string what, long step) =>
        Error.New(NotFiniteCode, $"{what} became non-finite at step {step}: lower the learning rate or clip the gradient");

    /// <summary>An objective's setting (k, chains, replicas, sites per example) is out of range.</summary>
    public static Error InvalidSetting(string name, string problem) => Error.New(InvalidSettingCode, $"{name}: {problem}");

    /// <summary>The persistent chains handed to an objective do not have the shape it started them with.</summary>
    public static Error ChainsMismatch(string objective, string problem) => Error.New(ChainsMismatchCode, $"{objective}: persistent chains {problem}");

    /// <summary>A training example has a value outside the model's state space (a 0.5 for a binary model, a 0 for spins).</summary>
    public static Error StateOutsideSupport(string family, int row, int column, double value, string support) =>
        Error.New(StateOutsideSupportCode, $"{family}: example {row + 1}, value {column + 1} is {value}, outside {support}");
}
