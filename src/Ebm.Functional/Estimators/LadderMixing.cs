using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>The mixing check of a thermodynamic-integration ladder, from each point's recorded integrand and acceptance.</summary>
internal static class LadderMixing
{
    /// <summary>
    /// A <c>poor-mixing</c> warning naming the points whose chains never accepted a move, never moved at all, or grossly
    /// disagree (split R-hat above <see cref="ThermodynamicIntegration.PoorRHat"/>): there the per-point mean can be far from E_t and its MCSE far
    /// too small (even 0), for instance HMC chains stranded far out on a steep energy or block-Gibbs chains frozen in a
    /// mode of an RBM with huge weights. A point where at least half the chains recorded one value throughout is frozen:
    /// its MCSE (0 when every chain froze) says nothing, whether the chains sit in a local mode or in a state that truly
    /// dominates (the ground state of a cold lattice), so the error bar cannot be trusted; frozen chains that disagree
    /// also have an infinite R-hat. A low acceptance alone is not reported: a lattice deep in its ordered phase accepts
    /// few flips and still samples its energy well.
    /// </summary>
    public static Seq<EstimateWarning> Warnings(Vec points, List<Mat> draws, List<double> acceptance)
    {
        var bad = new List<string>();
        for (var k = 0; k < draws.Count; k++)
        {
            // At t = 0 the chains start from exact draws of f_0, which every move keeps exact, mixing or not.
            if (points[k] == 0.0) continue;
            var (frozen, agree) = Frozen(draws[k]);
            var rHat = draws[k].Rows < 2 ? double.NaN
                : frozen == draws[k].Rows ? (agree ? double.NaN : double.PositiveInfinity)
                : RHat.Split(draws[k]).Match(r => r, _ => double.NaN);
            var stuck = 2 * frozen >= draws[k].Rows;
            if (acceptance[k] <= ThermodynamicIntegration.PoorAcceptance || rHat > ThermodynamicIntegration.PoorRHat || stuck)
                bad.Add($"t = {points[k]:G3} (acceptance {acceptance[k]:G2}, R-hat {rHat:G3}{(frozen > 0 ? $", {frozen} of {draws[k].Rows} chains never moved" : "")})");
        }

        return bad.Count == 0
            ? Seq<EstimateWarning>()
            : Seq1(EstimateWarnings.Of(EstimateWarnings.PoorMixing,
                $"{bad.Count} of {draws.Count} points did not mix: {string.Join("; ", bad.Take(4))}{(bad.Count > 4 ? "; ..." : "")}. " +
                "Their means may be far off and their errors too small, so the estimate and its error bar are unreliable; do not trust them " +
                "(use a smaller step size, more burn-in, more chains, or a reference closer to the target)"));
    }

    /// <summary>How many chains (rows) recorded one value throughout, and whether every row holds the same single value.</summary>
    private static (int Frozen, bool Agree) Frozen(Mat draws)
    {
        var frozen = 0;
        var agree = true;
        var first = draws.Columns > 0 && draws.Rows > 0 ? draws[0, 0] : double.NaN;
        for (var c = 0; c < draws.Rows; c++)
        {
            var row = draws.Row(c);
            var constant = true;
            foreach (var x in row)
                if (x != row[0]) { constant = false; break; }
            if (constant) frozen++;
            if (!constant || row[0] != first) agree = false;
        }

        return (frozen, agree);
    }
}
