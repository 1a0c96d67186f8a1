using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// The sums of the step metrics since the last evaluation, by name in the order first seen: a metric that only some
/// steps report (a swap rate of a rung pair that never met) is averaged over the steps that reported it.
/// </summary>
internal sealed class StepMetricSums
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, (double Sum, int Count)> _sums = new(StringComparer.Ordinal);

    /// <summary>Adds one step's metrics.</summary>
    public void Add(Seq<Metric> metrics)
    {
        foreach (var metric in metrics)
        {
            if (!_sums.TryGetValue(metric.Name, out var sum))
            {
                _names.Add(metric.Name);
                sum = (0.0, 0);
            }

            _sums[metric.Name] = (sum.Sum + metric.Value, sum.Count + 1);
        }
    }

    /// <summary>The mean of each metric over the steps that reported it.</summary>
    public Seq<Metric> Means() => _names.Select(n => new Metric(n, _sums[n].Sum / _sums[n].Count)).ToSeq();
}
