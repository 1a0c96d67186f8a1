using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>The Langevin negative phase shared by <see cref="LangevinLikelihood"/> and <see cref="JointEnergy"/>.</summary>
public static partial class LangevinLikelihood
{
    /// <summary>The persistent state at the start: the buffer of <see cref="LangevinSettings.BufferSize"/> start draws, or nothing.</summary>
    internal static Fin<Seq<Mat>> StartBuffer(string objective, LangevinSettings settings, RngKey key) =>
        settings.Check(objective).Map(s => s.BufferSize > 0 ? Seq1(s.Start.Sample(key, s.BufferSize)) : Seq<Mat>());

    /// <summary>
    /// <paramref name="count"/> negative samples after K Langevin steps on <paramref name="inputGradients"/>, and the
    /// chains after the step. Keys: starts <c>key.FoldIn(0)</c>, the buffer's choice <c>key.FoldIn(1)</c>, restarts
    /// <c>key.FoldIn(2)</c>, the noise of step s <c>key.FoldIn(3).FoldIn(s)</c>, each drawn by position (row r,
    /// coordinate i at r d + i), so bits do not depend on threads.
    /// </summary>
    internal static Fin<(Mat Negatives, Seq<Mat> Chains)> Negatives(
        string objective, RngKey key, LangevinSettings settings, Func<Mat, Mat> inputGradients, Seq<Mat> chains, int count, int dimension)
    {
        if (settings.Start.Dimension != dimension)
            return FinFail<(Mat, Seq<Mat>)>(ContinuousTrainingErrors.WrongWidth($"{objective} start distribution", dimension, settings.Start.Dimension));
        var fresh = settings.Start.Sample(key.FoldIn(0), count);
        if (settings.BufferSize == 0)
        {
            if (!chains.IsEmpty) return FinFail<(Mat, Seq<Mat>)>(TrainingErrors.ChainsMismatch(objective, $"are {chains.Count} matrices, expected none for short-run chains"));
            return FinSucc((Run(key, settings, inputGradients, fresh), chains));
        }

        if (chains.Count != 1 || chains[0].Rows != settings.BufferSize || chains[0].Columns != dimension)
            return FinFail<(Mat, Seq<Mat>)>(TrainingErrors.ChainsMismatch(objective, $"expected one {settings.BufferSize} x {dimension} buffer"));
        if (count > settings.BufferSize)
            return FinFail<(Mat, Seq<Mat>)>(ContinuousTrainingErrors.InvalidSetting(objective, $"the buffer holds {settings.BufferSize} samples, fewer than the batch of {count}: use a buffer at least as large as the batch"));
        var buffer = chains[0];
        var chosen = Choose(key.FoldIn(1), settings.BufferSize, count);
        var restart = key.FoldIn(2);
        var starts = Mat.Create(count, dimension, s =>
        {
            for (var j = 0; j < count; j++)
                (restart.UniformAt(j) < settings.ReinitialisationProbability ? fresh.Row(j) : buffer.Row(chosen[j])).CopyTo(s.Slice(j * dimension, dimension));
        });
        var negatives = Run(key, settings, inputGradients, starts);
        var next = Mat.Create(buffer.Rows, dimension, b =>
        {
            buffer.Span.CopyTo(b);
            for (var j = 0; j < count; j++) negatives.Row(j).CopyTo(b.Slice(chosen[j] * dimension, dimension));
        });
        return FinSucc((negatives, Seq1(next)));
    }

    /// <summary>K steps of x &lt;- x - eps grad E(x) + s xi from <paramref name="starts"/>.</summary>
    private static Mat Run(RngKey key, LangevinSettings settings, Func<Mat, Mat> inputGradients, Mat starts)
    {
        var x = starts;
        var noiseKey = key.FoldIn(3);
        var noise = new double[starts.Span.Length];
        for (var step = 0; step < settings.Steps; step++)
        {
            var gradients = inputGradients(x);
            if (settings.Noise > 0) noiseKey.FoldIn(step).Normal(noise);
            var current = x;
            x = Mat.Create(x.Rows, x.Columns, next =>
            {
                for (var j = 0; j < next.Length; j++)
                    next[j] = current.Span[j] - settings.StepSize * gradients.Span[j] + settings.Noise * noise[j];
            });
        }

        return x;
    }

    /// <summary><paramref name="count"/> distinct indices of 0..size-1: a partial Fisher-Yates shuffle on uniforms 0..count-1.</summary>
    private static int[] Choose(RngKey key, int size, int count)
    {
        var order = new int[size];
        for (var i = 0; i < size; i++) order[i] = i;
        for (var j = 0; j < count; j++)
        {
            var pick = j + Math.Min(size - j - 1, (int)(key.UniformAt(j) * (size - j)));
            (order[j], order[pick]) = (order[pick], order[j]);
        }

        return order[..count];
    }
}
