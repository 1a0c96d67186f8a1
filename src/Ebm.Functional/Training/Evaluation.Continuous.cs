using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

public static partial class Evaluation
{
    /// <summary>
    /// The evaluator of an <see cref="MlpEnergy"/>: the mean energy of the training and test data in any dimension, and for
    /// 2-D models log Z by quadrature on <see cref="BoxQuadrature.Box"/> (<see cref="BoxQuadrature"/>, its error estimate as
    /// <see cref="EvaluationMetrics.LogPartitionQuadratureError"/>) with the exact average log-likelihoods
    /// -mean E - log Z of the training and test data (standard error 0).
    /// </summary>
    /// <param name="intervals">Intervals per axis of the quadrature's finest grid.</param>
    public static Evaluator<MlpEnergy> ForMlpEnergy(int intervals = BoxQuadrature.DefaultIntervals) =>
        new("mlp", (_, model, train, test, _) =>
            (from checkedData in CheckAll(CheckFinite(model.Kind, "training", train, model.Dimension), test.Map(t => CheckFinite(model.Kind, "test", t, model.Dimension)))
             from metrics in EnergyMetrics(model, model.Energies, model.Scaling, train, test, intervals)
             select metrics).Bind(AllFinite));

    /// <summary>
    /// The evaluator of an <see cref="MlpClassifier"/> on labelled data (the last column holds the class index 0..K-1 as a
    /// double): the accuracy of the training and test data (<see cref="Calibration.Accuracy"/>), the expected calibration
    /// error of the test data (<see cref="Calibration.ExpectedCalibrationError"/>, 15 bins), and the metrics of
    /// <see cref="ForMlpEnergy"/> for the energy E(x) = -logsumexp f(x) on the other columns.
    /// </summary>
    /// <param name="intervals">Intervals per axis of the quadrature's finest grid.</param>
    public static Evaluator<MlpClassifier> ForMlpClassifier(int intervals = BoxQuadrature.DefaultIntervals) =>
        new("mlp-classifier", (_, model, train, test, _) =>
            (from trainSplit in SplitLabels(model, "training", train)
             from testSplit in test.Match(t => SplitLabels(model, "test", t).Map(Some), () => FinSucc(Option<(Mat, int[])>.None))
             from trainAccuracy in Calibration.Accuracy(model.Probabilities(trainSplit.Inputs), trainSplit.Labels)
             from testMetrics in testSplit.Match(s => TestClassification(model, s.Item1, s.Item2), () => FinSucc(Seq<Metric>()))
             from energy in EnergyMetrics(model, model.Energies, model.Scaling, trainSplit.Inputs, testSplit.Map(s => s.Item1), intervals)
             select Seq1(new Metric(EvaluationMetrics.TrainAccuracy, trainAccuracy)).Concat(testMetrics).Concat(energy)).Bind(AllFinite));

    private static Fin<Seq<Metric>> TestClassification(MlpClassifier model, Mat inputs, int[] labels)
    {
        var probabilities = model.Probabilities(inputs);
        return
            from accuracy in Calibration.Accuracy(probabilities, labels)
            from ece in Calibration.ExpectedCalibrationError(probabilities, labels)
            select Seq(new Metric(EvaluationMetrics.TestAccuracy, accuracy), new Metric(EvaluationMetrics.TestCalibrationError, ece));
    }

    private static Fin<Seq<Metric>> EnergyMetrics<TModel>(TModel model, Func<Mat, Vec> energies, InputScaling scaling, Mat train, Option<Mat> test, int intervals)
        where TModel : IContinuousModel
    {
        var trainEnergy = Mean(energies(train));
        var testEnergy = test.Map(t => Mean(energies(t)));
        var means = Seq1(new Metric(EvaluationMetrics.TrainMeanEnergy, trainEnergy)).Concat(testEnergy.Map(e => new Metric(EvaluationMetrics.TestMeanEnergy, e)).ToSeq());
        if (model.Dimension != 2) return FinSucc(means);
        var box = BoxQuadrature.Box(scaling);
        return
            from inside in CheckInside("training", train, box).Bind(_ => test.Match(t => CheckInside("test", t, box), () => FinSucc(unit)))
            from logZ in BoxQuadrature.Compute(energies, box, 1.0, intervals)
            select LikelihoodMetrics(new LogPartitionValue(logZ.LogZ, 0.0, None), trainEnergy, testEnergy)
                .Add(new Metric(EvaluationMetrics.LogPartitionQuadratureError, logZ.EstimatedError))
                .Concat(means);
    }

    private static Fin<Unit> CheckInside(string what, Mat data, QuadratureRegion box)
    {
        for (var r = 0; r < data.Rows; r++)
        {
            double x = data[r, 0], y = data[r, 1];
            if (x < box.XMin || x > box.XMax || y < box.YMin || y > box.YMax)
                return FinFail<Unit>(EvaluationErrors.OutsideBox(what, r, x, y, $"[{box.XMin}, {box.XMax}] x [{box.YMin}, {box.YMax}]"));
        }

        return FinSucc(unit);
    }

    /// <summary>The inputs (every column but the last) and the class indices (the last column, whole numbers 0..K-1).</summary>
    private static Fin<(Mat Inputs, int[] Labels)> SplitLabels(MlpClassifier model, string what, Mat data)
    {
        var width = model.Dimension + 1;
        return CheckFinite(model.Kind, what, data, width).Bind(_ =>
        {
            var labels = new int[data.Rows];
            for (var r = 0; r < data.Rows; r++)
            {
                var label = data[r, model.Dimension];
                if (label != Math.Floor(label) || label < 0 || label >= model.Classes)
                    return FinFail<(Mat, int[])>(TrainingErrors.StateOutsideSupport(model.Kind, r, model.Dimension, label, $"the class indices 0..{model.Classes - 1} (the last column holds the class)"));
                labels[r] = (int)label;
            }

            var inputs = Mat.Create(data.Rows, model.Dimension, d =>
            {
                for (var r = 0; r < data.Rows; r++) data.Row(r)[..model.Dimension].CopyTo(d.Slice(r * model.Dimension, model.Dimension));
            });
            return FinSucc((inputs, labels));
        });
    }
}
