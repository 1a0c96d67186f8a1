using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The checks every RBM objective makes on a minibatch before touching it, so bad user data comes back as a
/// <see cref="TrainingErrors"/> value naming the example and column rather than as an exception or a silent NaN.
/// </summary>
internal static class RbmBatchChecks
{
    /// <summary>At least one row, <paramref name="visible"/> columns, every value 0 or 1.</summary>
    public static Fin<Mat> Binary(string family, int visible, Mat batch) =>
        Shape(family, visible, batch).Bind(b =>
        {
            for (var r = 0; r < b.Rows; r++)
            {
                var row = b.Row(r);
                for (var i = 0; i < row.Length; i++)
                    if (row[i] != 0.0 && row[i] != 1.0)
                        return FinFail<Mat>(TrainingErrors.StateOutsideSupport(family, r, i, row[i], "{0, 1}"));
            }

            return FinSucc(b);
        });

    /// <summary>At least one row, <paramref name="visible"/> columns, every value finite.</summary>
    public static Fin<Mat> Real(string family, int visible, Mat batch) =>
        Shape(family, visible, batch).Bind(b =>
        {
            for (var r = 0; r < b.Rows; r++)
            {
                var row = b.Row(r);
                for (var i = 0; i < row.Length; i++)
                    if (!double.IsFinite(row[i]))
                        return FinFail<Mat>(TrainingErrors.StateOutsideSupport(family, r, i, row[i], "the finite real numbers"));
            }

            return FinSucc(b);
        });

    private static Fin<Mat> Shape(string family, int visible, Mat batch)
    {
        if (batch.Rows == 0) return FinFail<Mat>(TrainingErrors.EmptyBatch($"{family} minibatch"));
        if (batch.Columns != visible) return FinFail<Mat>(TrainingErrors.WrongWidth(family, visible, batch.Columns));
        return FinSucc(batch);
    }
}
