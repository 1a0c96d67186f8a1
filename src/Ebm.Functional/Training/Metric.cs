namespace Ebm.Functional.Training;

/// <summary>One named number a training step or an evaluation reports ("pseudo-log-likelihood", "swap-rate-0", ...).</summary>
/// <param name="Name">A lower-case, hyphenated name, stable across versions (it heads a column of <c>metrics.csv</c>).</param>
/// <param name="Value">The value.</param>
public sealed record Metric(string Name, double Value);
