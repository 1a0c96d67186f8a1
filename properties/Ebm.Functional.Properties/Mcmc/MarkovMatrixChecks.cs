using Ebm.Functional.Numerics;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The exact laws of a Markov kernel on a finite space, each throwing with the worst offending entry: rows are
/// distributions, pi is stationary, detailed balance, and primitivity (irreducible and aperiodic).
/// </summary>
/// <remarks>
/// The matrices are products of at most 3 x 6 = 18 factors per path summed over at most 2^9 paths
/// per entry, each exact to a few ulps, so every law holds to well under 1e-12 in absolute terms
/// (entries and probabilities are at most 1).
/// </remarks>
public static class MarkovMatrixChecks
{
    /// <summary>Absolute rounding allowance for every law.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Entries in [0, 1] and every row sums to 1.</summary>
    public static void RowsAreDistributions(Mat k, string what)
    {
        for (var x = 0; x < k.Rows; x++)
        {
            var sum = 0.0;
            for (var y = 0; y < k.Columns; y++)
            {
                if (!(k[x, y] >= -Tolerance && k[x, y] <= 1 + Tolerance)) throw new Exception($"{what}: K[{x},{y}] = {k[x, y]}");
                sum += k[x, y];
            }

            if (Math.Abs(sum - 1.0) > Tolerance) throw new Exception($"{what}: row {x} sums to {sum}");
        }
    }

    /// <summary>pi K = pi.</summary>
    public static void IsStationary(Mat k, ReadOnlySpan<double> pi, string what)
    {
        for (var y = 0; y < k.Columns; y++)
        {
            var flow = 0.0;
            for (var x = 0; x < k.Rows; x++) flow += pi[x] * k[x, y];
            if (Math.Abs(flow - pi[y]) > Tolerance) throw new Exception($"{what}: (pi K)[{y}] = {flow}, pi[{y}] = {pi[y]}");
        }
    }

    /// <summary>
    /// Some power of K is strictly positive, decided exactly on the support (see <see cref="SupportPattern"/>): every
    /// state reaches every state and the chain has period 1, so the distribution of the chain converges to pi from
    /// any start. The message says which of the two fails: a state that cannot be reached, or the period.
    /// </summary>
    public static void IsPrimitive(Mat k, string what)
    {
        var support = SupportPattern.Of(k);
        if (support.IsPrimitive()) return;
        if (support.UnreachablePair() is var (from, to))
            throw new Exception($"{what}: reducible, state {to} cannot be reached from state {from}");
        throw new Exception($"{what}: irreducible but periodic, period {support.Period()}");
    }

    /// <summary>pi(x) K(x, y) = pi(y) K(y, x) for every pair.</summary>
    public static void HasDetailedBalance(Mat k, ReadOnlySpan<double> pi, string what)
    {
        for (var x = 0; x < k.Rows; x++)
        for (var y = x + 1; y < k.Columns; y++)
        {
            var forward = pi[x] * k[x, y];
            var backward = pi[y] * k[y, x];
            if (Math.Abs(forward - backward) > Tolerance)
                throw new Exception($"{what}: pi({x}) K({x},{y}) = {forward} but pi({y}) K({y},{x}) = {backward}");
        }
    }
}
