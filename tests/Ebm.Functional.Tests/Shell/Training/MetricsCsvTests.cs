using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.Training;

public sealed class MetricsCsvTests
{
    [Fact]
    public void Writes_one_column_per_metric_name_in_first_seen_order_with_empty_cells_for_missing_metrics()
    {
        var history = Seq(
            new EvaluationRow(0, 0, Seq1(new Metric("train-ll", -0.1))),
            new EvaluationRow(5, 15, Seq(new Metric("reconstruction-error", 0.25), new Metric("train-ll", 1.0 / 3))),
            new EvaluationRow(7, 21, Seq1(new Metric("train-ll", double.NaN))));

        Assert.Equal(
            "epoch,step,train-ll,reconstruction-error\n" +
            "0,0,-0.1,\n" +
            "5,15,0.3333333333333333,0.25\n" +
            "7,21,NaN,\n",
            MetricsCsv.Write(history));
    }
}
