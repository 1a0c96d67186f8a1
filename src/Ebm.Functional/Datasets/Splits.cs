using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>A seeded split of a data set into training and test examples.</summary>
public static class Splits
{
    /// <summary>
    /// Puts round(f n) of the n examples, chosen uniformly by <paramref name="key"/> (the first of a
    /// <see cref="Minibatches.Permutation"/>), in the test set and the rest in the training set; each part keeps the
    /// examples in their original order. The same key gives the same split.
    /// </summary>
    /// <returns>
    /// The two parts, or <see cref="DatasetErrors.InvalidSetting"/> when f is not in (0, 1) or either part would be
    /// empty (a test fraction needs at least two examples).
    /// </returns>
    public static Fin<(Mat Train, Mat Test)> TrainTest(RngKey key, Mat data, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0.0 && testFraction < 1.0))
            return FinFail<(Mat, Mat)>(DatasetErrors.InvalidSetting("test fraction", $"must lie strictly between 0 and 1, got {testFraction}"));
        var n = data.Rows;
        var tests = (int)Math.Round(testFraction * n, MidpointRounding.AwayFromZero);
        if (tests < 1 || tests > n - 1)
            return FinFail<(Mat, Mat)>(DatasetErrors.InvalidSetting("test fraction", $"{testFraction} of {n} examples leaves {(tests < 1 ? "no test" : "no training")} example; every part needs at least one"));
        var order = Minibatches.Permutation(key, n);
        var test = order[..tests];
        var train = order[tests..];
        System.Array.Sort(test);
        System.Array.Sort(train);
        return FinSucc((Minibatches.Rows(data, train), Minibatches.Rows(data, test)));
    }
}
