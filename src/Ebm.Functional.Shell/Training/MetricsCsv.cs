using System.Globalization;
using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// <c>metrics.csv</c>: one line per evaluation, "epoch,step," then one column per metric name in the order the names
/// first appear; a metric a row lacks is an empty cell, numbers are written at full precision (round-trip), a
/// non-finite value as NaN, Infinity or -Infinity.
/// </summary>
public static class MetricsCsv
{
    /// <summary>The columns of <paramref name="history"/>: epoch, step, then every metric name.</summary>
    public static Seq<string> Columns(Seq<EvaluationRow> history) =>
        Seq("epoch", "step") + history.Bind(row => row.Metrics.Map(m => m.Name)).Distinct().ToSeq();

    /// <summary>The CSV text of <paramref name="history"/>.</summary>
    public static string Write(Seq<EvaluationRow> history)
    {
        var names = Columns(history).Skip(2).ToList();
        var text = new StringBuilder().AppendJoin(',', Columns(history)).Append('\n');
        foreach (var row in history)
        {
            text.Append(row.Epoch.ToString(CultureInfo.InvariantCulture)).Append(',').Append(row.Step.ToString(CultureInfo.InvariantCulture));
            foreach (var name in names)
            {
                text.Append(',');
                var metric = row.Metrics.Find(m => m.Name == name);
                metric.IfSome(m => text.Append(m.Value.ToString("R", CultureInfo.InvariantCulture)));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
