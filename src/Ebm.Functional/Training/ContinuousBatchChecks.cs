using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The checks the continuous objectives make on a minibatch before differentiating anything, so bad user data comes back
/// as a <see cref="ContinuousTrainingErrors"/> value naming the example and column, never as an exception or a NaN loss.
/// </summary>
internal static class ContinuousBatchChecks
{
    /// <summary>At least one row, the model's number of columns (when the model states one), every value finite.</summary>
    public static Fin<Mat> Real<TModel>(string objective, TModel model, Mat batch) =>
        Shape(objective, Width(model), batch).Bind(b => Finite(objective, b, b.Columns));

    /// <summary>
    /// The features of a labelled minibatch (every column but the last, the model's number of them when it states one,
    /// all finite); the last column holds the class index 0..K-1 as a double and is checked by <see cref="Labels"/>.
    /// </summary>
    public static Fin<Mat> Features<TModel>(string objective, TModel model, Mat batch)
    {
        if (batch.Rows == 0) return FinFail<Mat>(TrainingErrors.EmptyBatch($"{objective} minibatch"));
        var d = batch.Columns - 1;
        if (d < 1)
            return FinFail<Mat>(ContinuousTrainingErrors.InvalidSetting(objective, $"a labelled example needs features and a class index in its last column; the data has {batch.Columns} column"));
        if (Width(model) is { } w && d != w)
            return FinFail<Mat>(ContinuousTrainingErrors.WrongWidth($"{objective} (labelled: features, then the class index in the last column)", w + 1, batch.Columns));
        return Finite(objective, batch, d).Map(_ => Mat.Create(batch.Rows, d, f =>
        {
            for (var r = 0; r < batch.Rows; r++) batch.Row(r)[..d].CopyTo(f.Slice(r * d, d));
        }));
    }

    /// <summary>The class indices in the last column of a labelled minibatch, each an integer 0..classes-1.</summary>
    public static Fin<int[]> Labels(string objective, Mat batch, int classes)
    {
        var labels = new int[batch.Rows];
        for (var r = 0; r < batch.Rows; r++)
        {
            var label = batch[r, batch.Columns - 1];
            if (!(label >= 0 && label < classes && label == Math.Floor(label)))
                return FinFail<int[]>(ContinuousTrainingErrors.BadLabel(objective, r, label, classes));
            labels[r] = (int)label;
        }

        return FinSucc(labels);
    }

    /// <summary>The model's number of coordinates when it is an <see cref="IEnergyModel"/>, else null (no check).</summary>
    public static int? Width<TModel>(TModel model) => model is IEnergyModel energy ? energy.Dimension : null;

    /// <summary>An error when any of the values is not finite (what an objective returns instead of a NaN gradient).</summary>
    public static Fin<Unit> FiniteResult(string objective, string what, ReadOnlySpan<double> values)
    {
        foreach (var value in values)
            if (!double.IsFinite(value))
                return FinFail<Unit>(ContinuousTrainingErrors.NotFiniteResult(objective, what));
        return FinSucc(unit);
    }

    private static Fin<Mat> Shape(string objective, int? width, Mat batch)
    {
        if (batch.Rows == 0) return FinFail<Mat>(TrainingErrors.EmptyBatch($"{objective} minibatch"));
        if (width is { } w && batch.Columns != w) return FinFail<Mat>(ContinuousTrainingErrors.WrongWidth(objective, w, batch.Columns));
        return FinSucc(batch);
    }

    private static Fin<Mat> Finite(string objective, Mat batch, int columns)
    {
        for (var r = 0; r < batch.Rows; r++)
        {
            var row = batch.Row(r);
            for (var i = 0; i < columns; i++)
                if (!double.IsFinite(row[i]))
                    return FinFail<Mat>(ContinuousTrainingErrors.NotFiniteData(objective, r, i, row[i]));
        }

        return FinSucc(batch);
    }
}
