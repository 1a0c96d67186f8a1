using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>How well a classifier's predicted probabilities match its accuracy: accuracy and expected calibration error.</summary>
public static class Calibration
{
    /// <summary>
    /// The fraction of rows whose most probable class (the first on ties) is the label. Fails when the rows and labels
    /// differ in number, there are none, or a label is not a class index.
    /// </summary>
    /// <param name="probabilities">p(y | x_r), one row per example (n x K).</param>
    /// <param name="labels">The true class of each row.</param>
    public static Fin<double> Accuracy(Mat probabilities, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (Check(probabilities, labels, 1) is { } error) return FinFail<double>(error);
        var correct = 0;
        for (var r = 0; r < labels.Length; r++)
            if (Predicted(probabilities.Row(r)) == labels[r]) correct++;
        return FinSucc((double)correct / labels.Length);
    }

    /// <summary>
    /// Expected calibration error (Guo, Pleiss, Sun &amp; Weinberger 2017, "On calibration of modern neural networks",
    /// ICML, eq. 5): the confidences c_r = max_k p_rk fall into <paramref name="bins"/> equal bins ((m-1)/M, m/M] (a
    /// confidence of 0 into the first), and ECE = sum_m (|B_m| / n) |accuracy(B_m) - mean confidence(B_m)|.
    /// </summary>
    /// <remarks>
    /// 0 for a perfectly calibrated classifier; at most 1. Example: confidences 0.9, 0.9, 0.6, 0.6 with the first three
    /// correct fall into two bins: (2/4) |1 - 0.9| + (2/4) |0.5 - 0.6| = 0.1.
    /// </remarks>
    /// <param name="probabilities">p(y | x_r), one row per example (n x K), finite and non-negative.</param>
    /// <param name="labels">The true class of each row.</param>
    /// <param name="bins">M, the number of confidence bins (15 in Guo et al.).</param>
    public static Fin<double> ExpectedCalibrationError(Mat probabilities, ReadOnlySpan<int> labels, int bins = 15)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (Check(probabilities, labels, bins) is { } error) return FinFail<double>(error);
        var count = new int[bins];
        var correct = new double[bins];
        var confidence = new double[bins];
        for (var r = 0; r < labels.Length; r++)
        {
            var row = probabilities.Row(r);
            var predicted = Predicted(row);
            var c = row[predicted];
            var bin = Math.Clamp((int)Math.Ceiling(c * bins) - 1, 0, bins - 1);
            count[bin]++;
            confidence[bin] += c;
            if (predicted == labels[r]) correct[bin]++;
        }

        var ece = 0.0;
        for (var m = 0; m < bins; m++)
            if (count[m] > 0)
                ece += Math.Abs(correct[m] - confidence[m]) / labels.Length;
        return FinSucc(ece);
    }

    private static int Predicted(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
            if (row[k] > row[best]) best = k;
        return best;
    }

    private static LanguageExt.Common.Error? Check(Mat probabilities, ReadOnlySpan<int> labels, int bins)
    {
        const string what = "calibration";
        if (probabilities.Rows != labels.Length) return ContinuousTrainingErrors.LengthMismatch($"{what}: labels (one per row of probabilities)", probabilities.Rows, labels.Length);
        if (labels.Length == 0) return TrainingErrors.EmptyBatch(what);
        if (bins < 1) return ContinuousTrainingErrors.InvalidSetting(what, $"bins is {bins}, expected at least 1");
        for (var r = 0; r < labels.Length; r++)
        {
            if (labels[r] < 0 || labels[r] >= probabilities.Columns) return ContinuousTrainingErrors.BadLabel(what, r, labels[r], probabilities.Columns);
            foreach (var p in probabilities.Row(r))
                if (!(p >= 0 && double.IsFinite(p)))
                    return ContinuousTrainingErrors.InvalidSetting(what, $"row {r + 1} has probability {p}, expected a finite number at least 0");
        }

        return null;
    }
}
