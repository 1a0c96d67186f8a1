using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.Training;

/// <summary>What a training run folds over and when it measures: the data, the batch size, the epochs and the evaluation period.</summary>
/// <param name="Data">The training examples, one per row.</param>
/// <param name="BatchSize">Examples per update (the last minibatch of an epoch may be smaller).</param>
/// <param name="Epochs">Epochs the run ends after.</param>
/// <param name="EvaluateEvery">
/// Epochs between evaluations; the initial model and the final one are always evaluated. Every evaluation is followed by
/// a checkpoint.
/// </param>
public sealed record TrainSchedule(Mat Data, int BatchSize, int Epochs, int EvaluateEvery)
{
    /// <summary>Updates per epoch: the number of minibatches.</summary>
    public long StepsPerEpoch => BatchSize <= 0 ? 0 : (Data.Rows + BatchSize - 1) / BatchSize;

    /// <summary>True when the run measures the model after <paramref name="epoch"/> epochs.</summary>
    public bool Evaluates(int epoch) => epoch == 0 || epoch == Epochs || EvaluateEvery > 0 && epoch % EvaluateEvery == 0;
}
