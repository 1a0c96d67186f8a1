using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimation;

/// <summary>Builds <see cref="LogZEstimate"/> records from importance weights or from repetitions.</summary>
public static class Estimates
{
    /// <summary>
    /// log Z = <paramref name="logOffset"/> + log mean exp(log w), with the delta-method standard error and
    /// the weight diagnostics of <see cref="WeightSummary"/>.
    /// </summary>
    /// <param name="method">The estimator's name.</param>
    /// <param name="beta">The target's inverse temperature.</param>
    /// <param name="logOffset">A known log normaliser added to the log mean weight (log Z of the base distribution).</param>
    /// <param name="logWeights">One log weight per independent particle.</param>
    /// <param name="energyEvaluations">The cost, in per-particle energy evaluations.</param>
    /// <param name="warnings">Estimator-specific warnings, placed before the weight warnings.</param>
    public static LogZEstimate FromLogWeights(
        string method, double beta, double logOffset, Vec logWeights, long energyEvaluations, Seq<EstimateWarning> warnings = default)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        var summary = WeightSummary.Of(logWeights.Span);
        return new LogZEstimate(method, beta, logOffset + summary.LogMeanWeight, summary.StandardError, ErrorSource.DeltaMethod,
            summary.Ess, summary.MaxNormalisedWeight, logWeights.Length, energyEvaluations, warnings + summary.Warnings())
        {
            LogWeights = logWeights,
            ParetoK = summary.ParetoK,
        };
    }

    /// <summary>
    /// The mean of R independent runs' estimates with standard error sd / sqrt(R) (ddof = 1); the runs are
    /// kept in <see cref="LogZEstimate.Parts"/>, their costs add up and their own warnings are kept once per code (the
    /// checks of <see cref="EstimateChecks"/> are made on the combined numbers, not inherited from the runs). The
    /// Pareto k̂ is the largest of the runs', the steps their rounded mean. A warning is added when the runs scatter
    /// more than their own standard errors explain (chi-square test at 0.1%).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two runs.</exception>
    public static LogZEstimate FromRepetitions(string method, IReadOnlyList<LogZEstimate> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < 2) throw new ArgumentException("a repetition error needs at least two runs", nameof(runs));
        var r = runs.Count;
        var mean = runs.Average(x => x.LogZ);
        var variance = runs.Sum(x => (x.LogZ - mean) * (x.LogZ - mean)) / (r - 1);
        var warnings = Seq<EstimateWarning>();
        foreach (var w in runs.SelectMany(x => x.EstimatorWarnings))
            if (!warnings.Exists(x => x.Code == w.Code)) warnings = warnings.Add(w);

        var chiSquare = runs.Sum(x => (x.LogZ - mean) * (x.LogZ - mean) / (x.StandardError * x.StandardError));
        if (double.IsFinite(chiSquare) && chiSquare > MathNet.Numerics.Distributions.ChiSquared.InvCDF(r - 1, 0.999))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.InconsistentRepetitions,
                $"the {r} runs scatter more than their standard errors allow (chi-square {chiSquare:G3} on {r - 1} degrees of freedom); the per-run errors are too small"));
        return new LogZEstimate(method, runs[0].Beta, mean, Math.Sqrt(variance / r), ErrorSource.Repetitions,
            runs.Sum(x => x.Ess), runs.Max(x => x.MaxNormalisedWeight), runs.Sum(x => x.Samples), runs.Sum(x => x.EnergyEvaluations), warnings)
        {
            Parts = toSeq(runs),
            ParetoK = LargestParetoK(runs),
            Steps = (int)Math.Round(runs.Average(x => x.Steps)),
        };
    }

    /// <summary>The largest k̂ among the estimates that have one, else NaN.</summary>
    internal static double LargestParetoK(IEnumerable<LogZEstimate> estimates)
    {
        var largest = double.NaN;
        foreach (var k in estimates.Select(e => e.ParetoK))
            if (!double.IsNaN(k) && !(k <= largest)) largest = k;
        return largest;
    }
}
