using Ebm.Functional.Diagnostics;
using Ebm.Functional.Estimation;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Evaluating a model during training: the evaluator of each family (<see cref="Evaluator{TModel}"/>) and the metrics
/// they share (<see cref="EvaluationMetrics"/>): the average log-likelihood of the training and test data, exact or by
/// AIS with its standard error (and the AIS sandwich where exact draws exist), the pseudo-log-likelihood, the
/// reconstruction error of RBMs, and the R-hat of the persistent chains.
/// </summary>
/// <remarks>
/// <para>Log-likelihood: (1/N) sum_n log p(x_n) = -(1/N) sum_n F(x_n) - log Z. The data term is exact, so its standard
/// error is that of log Z. AIS estimates log Z without bias in Z, so log Z itself is biased low by about half the
/// variance of the log weights' mean (Neal 2001; Salakhutdinov and Murray 2008): the AIS log-likelihood errs upwards by
/// about se^2 / 2, negligible when the standard error is small.</para>
/// <para>Keys: an evaluation splits its key by position, <c>FoldIn(0)</c> for log Z (AIS and its exact draws) and
/// <c>FoldIn(1)</c> for the chains' R-hat run, so adding a metric never moves another's draws.</para>
/// </remarks>
public static partial class Evaluation
{
    /// <summary>The log Z an evaluation uses, its standard error (0 when exact) and the sandwich bounds where they were run.</summary>
    private sealed record LogPartitionValue(double LogZ, double StandardError, Option<(double Lower, double Upper, double UpperStandardError)> Bounds);

    private static Fin<Unit> CheckData(string family, string what, Mat data, int width, StateConvention states)
    {
        if (data.Rows == 0) return FinFail<Unit>(TrainingErrors.EmptyBatch($"{family} evaluation: the {what} data"));
        if (data.Columns != width) return FinFail<Unit>(TrainingErrors.WrongWidth(family, width, data.Columns));
        var low = states == StateConvention.Spin ? -1.0 : 0.0;
        for (var r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            for (var i = 0; i < row.Length; i++)
                if (row[i] != low && row[i] != 1.0)
                    return FinFail<Unit>(TrainingErrors.StateOutsideSupport(family, r, i, row[i], states == StateConvention.Spin ? "{-1, 1}" : "{0, 1}"));
        }

        return FinSucc(unit);
    }

    private static Fin<Unit> CheckFinite(string family, string what, Mat data, int width)
    {
        if (data.Rows == 0) return FinFail<Unit>(TrainingErrors.EmptyBatch($"{family} evaluation: the {what} data"));
        if (data.Columns != width) return FinFail<Unit>(TrainingErrors.WrongWidth(family, width, data.Columns));
        for (var r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            for (var i = 0; i < row.Length; i++)
                if (!double.IsFinite(row[i])) return FinFail<Unit>(TrainingErrors.StateOutsideSupport(family, r, i, row[i], "the finite numbers"));
        }

        return FinSucc(unit);
    }

    private static Fin<Unit> CheckAll(Fin<Unit> train, Option<Fin<Unit>> test) =>
        train.Bind(_ => test.Match(Some: t => t, None: () => FinSucc(unit)));

    /// <summary>log Z, its standard error and the bounds as metrics; then the average log-likelihood of each data set from its mean free energy.</summary>
    private static Seq<Metric> LikelihoodMetrics(LogPartitionValue logZ, double trainMeanFreeEnergy, Option<double> testMeanFreeEnergy)
    {
        var metrics = Seq(
            new Metric(EvaluationMetrics.LogPartition, logZ.LogZ),
            new Metric(EvaluationMetrics.LogPartitionStandardError, logZ.StandardError));
        metrics = logZ.Bounds.Match(
            Some: b => metrics.Add(new Metric(EvaluationMetrics.LogPartitionLower, b.Lower)).Add(new Metric(EvaluationMetrics.LogPartitionUpper, b.Upper))
                .Add(new Metric(EvaluationMetrics.LogPartitionUpperStandardError, b.UpperStandardError)),
            None: () => metrics);
        metrics = metrics
            .Add(new Metric(EvaluationMetrics.TrainLogLikelihood, -trainMeanFreeEnergy - logZ.LogZ))
            .Add(new Metric(EvaluationMetrics.TrainLogLikelihoodStandardError, logZ.StandardError));
        return testMeanFreeEnergy.Match(
            Some: f => metrics
                .Add(new Metric(EvaluationMetrics.TestLogLikelihood, -f - logZ.LogZ))
                .Add(new Metric(EvaluationMetrics.TestLogLikelihoodStandardError, logZ.StandardError)),
            None: () => metrics);
    }

    /// <summary>The metrics, or an error naming the first that is NaN or infinite (R-hat may be +infinity: chains that each stay put but disagree).</summary>
    private static Fin<Seq<Metric>> AllFinite(Seq<Metric> metrics) =>
        metrics.Find(m => !double.IsFinite(m.Value) && !(m.Name == EvaluationMetrics.ChainRHat && double.IsPositiveInfinity(m.Value))).Match(
            Some: m => FinFail<Seq<Metric>>(EvaluationErrors.MetricNotFinite(m.Name, m.Value)),
            None: () => FinSucc(metrics));

    private static Fin<LogPartitionValue> FromEstimate(LogZEstimate estimate) =>
        double.IsFinite(estimate.LogZ) && double.IsFinite(estimate.StandardError)
            ? FinSucc(new LogPartitionValue(estimate.LogZ, estimate.StandardError, None))
            : FinFail<LogPartitionValue>(EvaluationErrors.EstimateNotFinite(estimate.Method, estimate.LogZ, estimate.StandardError));

    private static double Mean(Vec values)
    {
        var sum = 0.0;
        foreach (var v in values.Span) sum += v;
        return sum / values.Length;
    }

    /// <summary>At most <paramref name="count"/> rows of <paramref name="data"/>, evenly spaced, the first included: the same rows at every evaluation.</summary>
    private static Mat EvenlySpaced(Mat data, int count)
    {
        if (data.Rows <= count) return data;
        var width = data.Columns;
        return Mat.Create(count, width, d =>
        {
            for (var k = 0; k < count; k++) data.Row((int)((long)k * data.Rows / count)).CopyTo(d.Slice(k * width, width));
        });
    }

    /// <summary>The rank-normalised split R-hat of chains x steps, or none when every draw is equal (R-hat is 0/0 there).</summary>
    private static Fin<Option<double>> RHatOf(Mat trace) =>
        RHat.RankNormalised(trace).Match(
            Succ: r => FinSucc(Some(r)),
            Fail: error => error.Code == DiagnosticsErrors.ConstantDrawsCode ? FinSucc(Option<double>.None) : FinFail<Option<double>>(error));

    private static Mat TraceMatrix(Vec[] trace)
    {
        var (chains, steps) = (trace.Length == 0 ? 0 : trace[0].Length, trace.Length);
        return Mat.Create(chains, steps, d =>
        {
            for (var t = 0; t < steps; t++)
                for (var c = 0; c < chains; c++) d[c * steps + t] = trace[t][c];
        });
    }

    private static Fin<T> ToFin<T>(Validation<Error, T> validation) =>
        validation.Match(FinSucc, errors => FinFail<T>(errors.Count == 1 ? errors.Head : Error.Many(errors)));
}
