using System.Globalization;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// The plain-language warnings of a set of scalar summaries: one line per failed criterion (R-hat, bulk ESS, tail
/// ESS) naming the worst scalar and the others that fail it, so many diagnosed scalars do not flood the output.
/// </summary>
internal static class ScalarWarnings
{
    /// <summary>
    /// Warnings of <paramref name="scalars"/>; the first is the energy (or the lone summary), the only one whose undefined
    /// values are reported: an observable that never changes (a unit pinned by a large bias) has nothing to diagnose.
    /// An empty name leaves the measure unlabelled ("R-hat = ...").
    /// </summary>
    public static Seq<string> Build(Seq<ScalarSummary> scalars)
    {
        var head = scalars.Head;
        var first = head.Summary;
        if (first.DrawsPerChain < ChainSummary.MinimumDrawsForDiagnostics)
            return Seq1(Text($"only {first.DrawsPerChain} draws per chain: ESS, R-hat, MCSE and the autocorrelation time need at least {ChainSummary.MinimumDrawsForDiagnostics}"));
        var minimumEss = ChainSummary.MinimumEssPerChain * first.Chains;
        var rHat = Criterion(scalars, s => s.RHat, r => r > ChainSummary.RHatThreshold, largestFirst: true,
            (name, r, also) => Text($"{Label("R-hat", name)} = {r:F3} > {ChainSummary.RHatThreshold}{also}: the chains disagree; run longer or check for multimodality"),
            Text($"{Label("R-hat", head.Name)} is undefined: every draw has the same value"));
        var bulk = Criterion(scalars, s => s.BulkEss, e => e < minimumEss, largestFirst: false,
            (name, e, also) => Text($"{Label("bulk ESS", name)} = {e:F0} < {minimumEss:F0} ({ChainSummary.MinimumEssPerChain} per chain){also}: the mean and R-hat are unreliable"),
            Text($"{Label("bulk ESS", head.Name)} is undefined: every draw has the same value"));
        var tail = Criterion(scalars, s => s.TailEss, e => e < minimumEss, largestFirst: false,
            (name, e, also) => Text($"{Label("tail ESS", name)} = {e:F0} < {minimumEss:F0} ({ChainSummary.MinimumEssPerChain} per chain){also}: the 5% and 95% quantiles are unreliable"),
            Text($"{Label("tail ESS", head.Name)} is undefined: the quantile indicators are constant"));
        return rHat + bulk + tail;
    }

    /// <summary>"R-hat" for an unnamed summary, "R-hat(x0)" for a named one.</summary>
    public static string Label(string measure, string name) => name.Length == 0 ? measure : $"{measure}({name})";

    private static Seq<string> Criterion(
        Seq<ScalarSummary> scalars, Func<ChainSummary, Option<double>> measure, Func<double, bool> fails, bool largestFirst,
        Func<string, double, string, string> message, string undefined)
    {
        var undefinedHead = measure(scalars.Head.Summary).IsNone ? Seq1(undefined) : Seq<string>();
        var failing = scalars
            .Choose(s => measure(s.Summary).Filter(fails).Map(v => (s.Name, Value: v)))
            .OrderBy(f => largestFirst ? -f.Value : f.Value)
            .ToSeq();
        if (failing.IsEmpty) return undefinedHead;
        var worst = failing.Head;
        var also = failing.Count > 1 ? $" (also {string.Join(", ", failing.Tail.Map(f => f.Name))})" : "";
        return undefinedHead + Seq1(message(worst.Name, worst.Value, also));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
