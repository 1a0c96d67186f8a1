using LanguageExt.Common;

namespace Ebm.Functional.Datasets;

/// <summary>Errors of the data generators, splits and minibatches (codes 8201-8299).</summary>
public static class DatasetErrors
{
    /// <summary>Code of <see cref="InvalidBatch"/>.</summary>
    public const int InvalidBatchCode = 8201;

    /// <summary>Code of <see cref="InvalidSize"/>.</summary>
    public const int InvalidSizeCode = 8202;

    /// <summary>The data set is empty or the batch size is below 1.</summary>
    public static Error InvalidBatch(string problem) => Error.New(InvalidBatchCode, $"minibatches: {problem}");

    /// <summary>A generator's size (side, count, fraction) is out of range.</summary>
    public static Error InvalidSize(string name, string problem) => Error.New(InvalidSizeCode, $"{name}: {problem}");
}
