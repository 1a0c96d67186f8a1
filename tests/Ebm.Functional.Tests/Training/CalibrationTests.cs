using Ebm.Functional.Numerics;
using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Training;

/// <summary>Accuracy and expected calibration error on cases computed by hand.</summary>
public sealed class CalibrationTests
{
    [Fact]
    public void The_documented_example_has_an_ece_of_one_tenth()
    {
        // Confidences 0.9, 0.9, 0.6, 0.6, the first three correct: bins (0.867, 0.933] and (0.533, 0.6] hold two each,
        // (2/4) |1 - 0.9| + (2/4) |0.5 - 0.6| = 0.1.
        var probabilities = Mat.FromRows([[0.9, 0.1], [0.1, 0.9], [0.6, 0.4], [0.4, 0.6]]);
        int[] labels = [0, 1, 0, 0];
        Assert.Equal(0.1, Calibration.ExpectedCalibrationError(probabilities, labels).ThrowIfFail(), 12);
        Assert.Equal(0.75, Calibration.Accuracy(probabilities, labels).ThrowIfFail());
    }

    [Fact]
    public void One_bin_measures_the_gap_between_mean_confidence_and_accuracy()
    {
        // One bin: mean confidence (0.7 + 0.8 + 0.5 (a tie, class 0 predicted)) / 3 = 2/3, accuracy 1/3: ECE 1/3.
        var probabilities = Mat.FromRows([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.5, 0.5, 0.0]]);
        int[] labels = [0, 2, 1];
        Assert.Equal(1.0 / 3, Calibration.ExpectedCalibrationError(probabilities, labels, bins: 1).ThrowIfFail(), 12);
        Assert.Equal(1.0 / 3, Calibration.Accuracy(probabilities, labels).ThrowIfFail(), 12);
    }

    [Fact]
    public void A_calibrated_classifier_has_zero_ece_and_a_confident_wrong_one_nearly_one()
    {
        // Confidence 0.75 with three of four right in one bin: |0.75 - 0.75| = 0. Confidence 0.99 and all wrong: 0.99.
        var calibrated = Mat.FromRows([[0.75, 0.25], [0.75, 0.25], [0.75, 0.25], [0.75, 0.25]]);
        Assert.Equal(0.0, Calibration.ExpectedCalibrationError(calibrated, new[] { 0, 0, 0, 1 }).ThrowIfFail(), 12);
        var wrong = Mat.FromRows([[0.99, 0.01], [0.01, 0.99]]);
        Assert.Equal(0.99, Calibration.ExpectedCalibrationError(wrong, new[] { 1, 0 }).ThrowIfFail(), 12);
    }

    [Fact]
    public void Mismatched_labels_bad_classes_and_bins_are_errors()
    {
        var probabilities = Mat.FromRows([[0.5, 0.5]]);
        Assert.Equal(ContinuousTrainingErrors.LengthMismatchCode, Calibration.Accuracy(probabilities, new[] { 0, 1 }).Match(_ => 0, e => e.Code));
        Assert.Equal(ContinuousTrainingErrors.BadLabelCode, Calibration.ExpectedCalibrationError(probabilities, new[] { 2 }).Match(_ => 0, e => e.Code));
        Assert.Contains("bins is 0", Calibration.ExpectedCalibrationError(probabilities, new[] { 0 }, 0).Match(_ => "", e => e.Message));
        Assert.Equal(TrainingErrors.EmptyBatchCode, Calibration.Accuracy(Mat.Zeros(0, 2), System.Array.Empty<int>()).Match(_ => 0, e => e.Code));
    }
}
