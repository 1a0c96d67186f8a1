using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// One minibatch of a fused run (<see cref="ObjectiveSweep{TModel}"/>): the rows <see cref="Rows"/> of
/// <see cref="Source"/> in that order, or all its rows when <see cref="Rows"/> is null. An epoch hands the data set with
/// a slice of its shuffle, so the run reads the examples where they are instead of copying them into new matrices.
/// </summary>
/// <param name="Source">The matrix the rows come from.</param>
/// <param name="Rows">Row indices into <paramref name="Source"/>, or null for all rows in order.</param>
internal sealed record SweepBatch(Mat Source, int[]? Rows)
{
    /// <summary>Examples in the batch.</summary>
    public int Count => Rows?.Length ?? Source.Rows;

    /// <summary>Example r of the batch.</summary>
    public ReadOnlySpan<double> Row(int r) => Source.Row(Rows is null ? r : Rows[r]);
}
