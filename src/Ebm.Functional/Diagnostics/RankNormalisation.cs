using Ebm.Functional.Numerics;
using MathNet.Numerics.Distributions;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Rank normalisation and folding of MCMC draws (Vehtari, Gelman, Simpson, Carpenter and Bürkner 2021,
/// "Rank-normalization, folding, and localization: An improved R-hat", Bayesian Analysis 16(2), §4).
/// </summary>
/// <remarks>
/// Ranks are taken over all S = C·T draws pooled, ties get the average of the ranks they span (so a discrete
/// quantity keeps its number of distinct values), and rank r maps to the normal score
/// z = Φ⁻¹((r - 3/8) / (S + 1/4)) (Blom 1958). The printed paper has S - 1/4 in the denominator; the
/// reference implementations (Stan, posterior, ArviZ) use Blom's S + 1/4, the only choice that makes the scores
/// antisymmetric, z(r) = -z(S + 1 - r), and so is used here. The scores do not depend on the scale of the draws:
/// any strictly increasing transform of the draws gives the same scores.
/// </remarks>
public static class RankNormalisation
{
    /// <summary>Ranks 1..S of the pooled draws, ties averaged, in the input's shape.</summary>
    /// <example>Draws [[3, 1], [3, 2]] have ranks [[3.5, 1], [3.5, 2]].</example>
    public static Mat Ranks(Mat draws)
    {
        var sorted = draws.Span.ToArray();
        var order = Enumerable.Range(0, sorted.Length).ToArray();
        System.Array.Sort(sorted, order);
        return Mat.Create(draws.Rows, draws.Columns, ranks =>
        {
            var start = 0;
            while (start < order.Length)
            {
                var end = start;
                while (end + 1 < order.Length && sorted[end + 1] == sorted[start]) end++;
                // positions start..end (0-based) hold ranks start+1..end+1, whose average is (start + end)/2 + 1
                var averageRank = (start + end) / 2.0 + 1.0;
                for (var k = start; k <= end; k++) ranks[order[k]] = averageRank;
                start = end + 1;
            }
        });
    }

    /// <summary>Normal scores z = Φ⁻¹((r - 3/8) / (S + 1/4)) of the pooled ranks r, in the input's shape.</summary>
    public static Mat ZScores(Mat draws)
    {
        var ranks = Ranks(draws);
        var count = (double)ranks.Span.Length;
        return Mat.Create(draws.Rows, draws.Columns, z =>
        {
            var r = ranks.Span;
            for (var i = 0; i < z.Length; i++) z[i] = Normal.InvCDF(0.0, 1.0, (r[i] - 0.375) / (count + 0.25));
        });
    }

    /// <summary>
    /// Folded draws |x - median(x)|, the median taken over all draws pooled: their rank-normalised R-hat detects
    /// chains that differ in scale but not in location (Vehtari et al. 2021, §4.2).
    /// </summary>
    public static Mat Fold(Mat draws)
    {
        var median = DrawsCheck.Quantile(draws.Span, 0.5);
        return Mat.Create(draws.Rows, draws.Columns, folded =>
        {
            var x = draws.Span;
            for (var i = 0; i < folded.Length; i++) folded[i] = Math.Abs(x[i] - median);
        });
    }
}
