using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>
/// Fits the standardisation of training data: the <see cref="InputScaling"/> with each coordinate's mean as its shift
/// and its standard deviation as its scale, so the network sees inputs of mean 0 and spread 1 while the model keeps
/// taking x in data units.
/// </summary>
/// <remarks>
/// The standard deviation is the population one, sqrt(mean (x - mean)²) (divisor n, as scikit-learn's
/// <c>StandardScaler</c>), computed in two passes (the mean first), so it does not cancel catastrophically for data far
/// from the origin. A coordinate with a single value in every row has no spread: that is an error naming the column,
/// never a division by zero.
/// </remarks>
/// <example><code>
/// var scaling = from data in Toys2D.Sample(RngKey.FromSeed(1), "two-moons", 5000)
///               from fitted in Standardisation.Fit(data)
///               select fitted;
/// </code></example>
public static class Standardisation
{
    /// <summary>The standardisation of every column of <paramref name="data"/> (rows are examples).</summary>
    /// <returns>The scaling, or an error naming the problem: no rows or columns, a non-finite value, a constant column.</returns>
    public static Fin<InputScaling> Fit(Mat data) => Fit(data, data.Columns);

    /// <summary>
    /// The standardisation of the first <paramref name="columns"/> columns of <paramref name="data"/>: for labelled data
    /// pass <c>data.Columns - 1</c> so the class column is left out.
    /// </summary>
    /// <returns>The scaling, or an error naming the problem: no rows or columns, a non-finite value, a constant column.</returns>
    public static Fin<InputScaling> Fit(Mat data, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (columns < 1 || columns > data.Columns)
            return FinFail<InputScaling>(DatasetErrors.InvalidSize("standardisation columns", $"must lie in 1..{data.Columns}, got {columns}"));
        if (data.Rows < 1) return FinFail<InputScaling>(DatasetErrors.InvalidSize("standardisation data", "has no rows"));
        var mean = new double[columns];
        for (var r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            for (var c = 0; c < columns; c++)
            {
                if (!double.IsFinite(row[c])) return FinFail<InputScaling>(DatasetErrors.NonFiniteValue("standardisation", r + 1, c + 1, row[c]));
                mean[c] += row[c];
            }
        }

        for (var c = 0; c < columns; c++) mean[c] /= data.Rows;
        var squares = new double[columns];
        for (var r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            for (var c = 0; c < columns; c++) squares[c] += (row[c] - mean[c]) * (row[c] - mean[c]);
        }

        var deviation = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            deviation[c] = Math.Sqrt(squares[c] / data.Rows);
            if (!(deviation[c] > 0) || AllEqual(data, c)) return FinFail<InputScaling>(DatasetErrors.ConstantColumn(c + 1, data[0, c]));
        }

        return InputScaling.Create(Vec.Of(mean), Vec.Of(deviation)).Match(FinSucc, errors => FinFail<InputScaling>(Error.Many(errors)));
    }

    /// <summary>
    /// A column of one value can still have a tiny positive computed spread when its mean rounds off that value, so the
    /// test is on the values themselves.
    /// </summary>
    private static bool AllEqual(Mat data, int column)
    {
        var first = data[0, column];
        for (var r = 1; r < data.Rows; r++)
            if (data[r, column] != first) return false;
        return true;
    }
}
