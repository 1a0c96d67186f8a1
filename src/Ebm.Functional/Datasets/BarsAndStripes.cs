using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>
/// Bars-and-stripes (MacKay 2003, "Information Theory, Inference, and Learning Algorithms", exercise 43): n x n binary
/// images in which every row is all on or all off (stripes), or every column is (bars). The classic small benchmark
/// of RBM training, small enough that the exact likelihood of a model is cheap.
/// </summary>
/// <remarks>
/// There are 2^(n+1) - 2 distinct images (the blank and the full image are both stripes and bars). A model that puts
/// mass 1/N on each of the N distinct images has the largest possible average log-likelihood on <see cref="All"/>,
/// -log N: -log 14 for 3 x 3, -log 30 for 4 x 4. Pixel (i, j) of an image is column 4 i + j of its row, for n = 4.
/// </remarks>
public static class BarsAndStripes
{
    /// <summary>The largest side the generator accepts (2^(n+1) images must fit comfortably in memory).</summary>
    public const int MaxSide = 12;

    /// <summary>
    /// Every distinct n x n image once, one per row: first the 2^n stripe images (row i on when bit i of the index
    /// is set), then the 2^n - 2 bar images that are not also stripes (column j on when bit j is set).
    /// </summary>
    public static Fin<Mat> All(int side)
    {
        if (side < 1 || side > MaxSide) return FinFail<Mat>(DatasetErrors.InvalidSize("bars-and-stripes side", $"must lie in 1..{MaxSide}, got {side}"));
        var images = new List<double[]>();
        var patterns = 1 << side;
        for (var mask = 0; mask < patterns; mask++) images.Add(Image(side, mask, stripes: true));
        for (var mask = 1; mask < patterns - 1; mask++) images.Add(Image(side, mask, stripes: false));
        return FinSucc(Mat.FromRows(images));
    }

    /// <summary>
    /// <paramref name="count"/> images drawn as MacKay describes: stripes or bars with probability 1/2, then each
    /// row (or column) on with probability 1/2; the blank and full images are twice as likely as the others.
    /// </summary>
    public static Fin<Mat> Sample(RngKey key, int side, int count)
    {
        if (side < 1 || side > MaxSide) return FinFail<Mat>(DatasetErrors.InvalidSize("bars-and-stripes side", $"must lie in 1..{MaxSide}, got {side}"));
        if (count < 0) return FinFail<Mat>(DatasetErrors.InvalidSize("bars-and-stripes count", $"must be >= 0, got {count}"));
        var images = new List<double[]>(count);
        for (var n = 0; n < count; n++)
        {
            var draws = key.FoldIn(n);
            var stripes = draws.UniformAt(0) < 0.5;
            var mask = 0;
            for (var line = 0; line < side; line++)
                if (draws.UniformAt(1 + line) < 0.5) mask |= 1 << line;
            images.Add(Image(side, mask, stripes));
        }

        return FinSucc(count == 0 ? Mat.Zeros(0, side * side) : Mat.FromRows(images));
    }

    private static double[] Image(int side, int mask, bool stripes)
    {
        var pixels = new double[side * side];
        for (var i = 0; i < side; i++)
        for (var j = 0; j < side; j++)
            pixels[i * side + j] = ((mask >> (stripes ? i : j)) & 1) == 1 ? 1.0 : 0.0;
        return pixels;
    }
}
