using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;
using LanguageExt;

namespace Ebm.Functional.Properties.Diagnostics;

/// <summary>
/// Invariances of R-hat and ESS: affine maps (all R-hats), strictly increasing maps (the rank-based ones, exactly),
/// reordering the chains, scaling by powers of two (every summary, exactly), and the range 0 &lt; ESS ≤ S log₁₀ S. Draws are AR(1) chains with a random φ in (-0.9, 0.9),
/// chain offsets and a rounding to a dyadic grid (step 1, 1/2, 1/4 or 1/8) so that ties and disagreeing chains occur
/// while 2.5x - 7 stays exact: folded draws that tie exactly must still tie after the map.
/// </summary>
public class DiagnosticsLaws
{
    /// <summary>Relative slack for results whose sums run in another order or over rescaled values.</summary>
    private const double Slack = 1e-9;

    private static Mat Draws(int seed, byte chainsByte, byte drawsByte)
    {
        var chains = 1 + chainsByte % 4;
        var draws = 12 + drawsByte % 40;
        var key = RngKey.FromSeed((ulong)seed);
        var phi = 1.8 * key.UniformAt(0) - 0.9;
        var grid = 1 << (int)(4 * key.UniformAt(1));
        return Mat.Create(chains, draws, d =>
        {
            for (var c = 0; c < chains; c++)
            {
                var row = d.Slice(c * draws, draws);
                key.FoldIn(c + 1).Normal(row);
                for (var t = 1; t < draws; t++) row[t] += phi * row[t - 1];
                var offset = key.UniformAt(2 + c) - 0.5;
                for (var t = 0; t < draws; t++) row[t] = Math.Round((row[t] + offset) * grid) / grid;
            }
        });
    }

    private static Mat Map(Mat draws, Func<double, double> f) => Mat.Create(draws.Rows, draws.Columns, d =>
    {
        var x = draws.Span;
        for (var i = 0; i < d.Length; i++) d[i] = f(x[i]);
    });

    private static Mat ReverseChains(Mat draws) => Mat.FromRows(draws.ToRows().Reverse().ToArray());

    private static bool Close(Fin<double> a, Fin<double> b) =>
        a.Match(
            x => b.Match(y => x == y || Math.Abs(x - y) <= Slack * Math.Max(Math.Abs(x), Math.Abs(y)), _ => false),
            e => b.Match(_ => false, f => e.Code == f.Code));

    private static bool Same(Fin<double> a, Fin<double> b) =>
        a.Match(x => b.Match(y => x.Equals(y), _ => false), e => b.Match(_ => false, f => e.Code == f.Code));

    [Property(MaxTest = 100)]
    public bool RHatsAreInvariantUnderPositiveAffineMaps(int seed, byte chains, byte draws)
    {
        var x = Draws(seed, chains, draws);
        var y = Map(x, v => 2.5 * v - 7.0);
        return Close(RHat.Split(x), RHat.Split(y)) && Close(RHat.RankNormalised(x), RHat.RankNormalised(y))
            && Close(EffectiveSampleSize.Basic(x), EffectiveSampleSize.Basic(y));
    }

    [Property(MaxTest = 100)]
    public bool RankBasedDiagnosticsAreExactlyInvariantUnderIncreasingMaps(int seed, byte chains, byte draws)
    {
        var x = Draws(seed, chains, draws);
        var y = Map(x, v => Math.Exp(v / 4));
        return Same(RHat.Bulk(x), RHat.Bulk(y)) && Same(EffectiveSampleSize.Bulk(x), EffectiveSampleSize.Bulk(y))
            && Same(EffectiveSampleSize.Tail(x), EffectiveSampleSize.Tail(y));
    }

    [Property(MaxTest = 100)]
    public bool ReorderingTheChainsChangesNothing(int seed, byte chains, byte draws)
    {
        var x = Draws(seed, chains, draws);
        var y = ReverseChains(x);
        return Close(RHat.Split(x), RHat.Split(y)) && Close(RHat.RankNormalised(x), RHat.RankNormalised(y))
            && Close(EffectiveSampleSize.Basic(x), EffectiveSampleSize.Basic(y))
            && Close(EffectiveSampleSize.Bulk(x), EffectiveSampleSize.Bulk(y))
            && Close(EffectiveSampleSize.Tail(x), EffectiveSampleSize.Tail(y));
    }

    [Property(MaxTest = 100)]
    public bool EssIsPositiveAndAtMostSLog10S(int seed, byte chains, byte draws)
    {
        var x = Draws(seed, chains, draws);
        var s = x.Rows * 2 * (x.Columns / 2);
        bool InRange(Fin<double> ess) => ess.Match(e => e > 0 && e <= s * Math.Log10(s) * (1 + 1e-12), _ => true);
        return InRange(EffectiveSampleSize.Basic(x)) && InRange(EffectiveSampleSize.Bulk(x)) && InRange(EffectiveSampleSize.Tail(x));
    }

    [Property(MaxTest = 100)]
    public bool SplitRHatIsAtLeastItsFloor(int seed, byte chains, byte draws)
    {
        var x = Draws(seed, chains, draws);
        var n = x.Columns / 2;
        return RHat.Split(x).Match(r => r >= Math.Sqrt((n - 1.0) / n) * (1 - 1e-12), _ => true);
    }

    /// <summary>
    /// Multiplying every draw by 2^k (|k| ≤ 1000) is exact, and the summaries are computed on draws scaled by a power
    /// of two, so the mean, sd and MCSE scale by exactly 2^k and R-hat, ESS and τ keep every bit, even where the plain
    /// sums of squares would overflow (k = 1000) or underflow (k = -1000). The grid keeps means and spreads far from
    /// subnormal numbers (a nonzero mean is at least 1/(8·S) = 2^-15).
    /// </summary>
    [Property(MaxTest = 100)]
    public bool SummariesScaleExactlyByPowersOfTwo(int seed, byte chains, byte draws, short exponent)
    {
        var x = Draws(seed, chains, draws);
        var factor = Math.ScaleB(1.0, exponent % 1001);
        var small = ChainSummary.Summarise(x);
        var large = ChainSummary.Summarise(Map(x, v => v * factor));
        return small.Match(
            a => large.Match(
                b => b.Mean == a.Mean * factor && b.StandardDeviation == a.StandardDeviation * factor
                    && b.McseMean == a.McseMean.Map(m => m * factor) && b.RHat == a.RHat && b.BulkEss == a.BulkEss
                    && b.TailEss == a.TailEss && b.AutocorrelationTime == a.AutocorrelationTime,
                _ => false),
            _ => large.IsFail);
    }
}
