using Ebm.Functional.Numerics;
using static System.FormattableString;

namespace Ebm.Functional.Testing;

/// <summary>
/// The exact laws of a Markov kernel on a finite space, checked on its transition matrix K (for example from
/// <see cref="TransitionMatrices"/>): rows are distributions, pi is stationary (pi K = pi), detailed balance
/// (pi(x) K(x, y) = pi(y) K(y, x)), and primitivity (irreducible and aperiodic, so the chain converges to pi from
/// any start). Each returns a <see cref="MarkovCheck"/> whose message names the worst state pair and the numbers;
/// none throws: a matrix that is not square, a pi of the wrong length or a bad tolerance gives a failed check that says so.
/// </summary>
/// <remarks>
/// The tolerance is absolute: entries and probabilities are at most 1, and an entry built from m rounded products
/// and sums is exact to about m ulps (Higham 2002, section 4.2), so 1e-12 (<see cref="DefaultTolerance"/>) covers
/// matrices of a few thousand terms per entry; pass gamma_m = m 2^-52 for larger sums.
/// </remarks>
public static class MarkovChecks
{
    /// <summary>The absolute tolerance used when none is given.</summary>
    public const double DefaultTolerance = 1e-12;

    /// <summary>Entries in [0, 1] and every row summing to 1, within <paramref name="tolerance"/>.</summary>
    public static MarkovCheck Stochastic(Mat k, double tolerance = DefaultTolerance)
    {
        const string law = "stochastic";
        if (Invalid(law, k, null, tolerance) is { } invalid) return invalid;
        (double Deviation, int From, int? To, string What) worst = (0.0, 0, null, "");
        for (var x = 0; x < k.Rows; x++)
        {
            var sum = 0.0;
            for (var y = 0; y < k.Columns; y++)
            {
                var entry = k[x, y];
                sum += entry;
                var outside = Deviation(Math.Max(-entry, entry - 1.0));
                if (outside > worst.Deviation) worst = (outside, x, y, Invariant($"K({x},{y}) = {entry} lies outside [0, 1]"));
            }

            var off = Deviation(Math.Abs(sum - 1.0));
            if (off > worst.Deviation) worst = (off, x, null, Invariant($"row {x} sums to {sum}"));
        }

        return Outcome(law, worst.Deviation, tolerance, worst.From, worst.To, worst.What, "|row sum - 1| and distance of entries from [0, 1]");
    }

    /// <summary>pi K = pi within <paramref name="tolerance"/> in every state: pi is left invariant by one step.</summary>
    public static MarkovCheck Stationary(Mat k, ReadOnlySpan<double> pi, double tolerance = DefaultTolerance)
    {
        const string law = "stationary";
        if (Invalid(law, k, pi.Length, tolerance) is { } invalid) return invalid;
        (double Deviation, int To, string What) worst = (0.0, 0, "");
        for (var y = 0; y < k.Columns; y++)
        {
            var flow = 0.0;
            for (var x = 0; x < k.Rows; x++) flow += pi[x] * k[x, y];
            var off = Deviation(Math.Abs(flow - pi[y]));
            if (off > worst.Deviation) worst = (off, y, Invariant($"(pi K)({y}) = {flow} but pi({y}) = {pi[y]}"));
        }

        return Outcome(law, worst.Deviation, tolerance, null, worst.Deviation > 0 ? worst.To : null, worst.What, "|(pi K)(y) - pi(y)|");
    }

    /// <summary>Detailed balance pi(x) K(x, y) = pi(y) K(y, x) for every pair, within <paramref name="tolerance"/>.</summary>
    public static MarkovCheck Reversible(Mat k, ReadOnlySpan<double> pi, double tolerance = DefaultTolerance)
    {
        const string law = "reversible";
        if (Invalid(law, k, pi.Length, tolerance) is { } invalid) return invalid;
        (double Deviation, int From, int To, string What) worst = (0.0, 0, 0, "");
        for (var x = 0; x < k.Rows; x++)
        for (var y = x + 1; y < k.Columns; y++)
        {
            var forward = pi[x] * k[x, y];
            var backward = pi[y] * k[y, x];
            var off = Deviation(Math.Abs(forward - backward));
            if (off > worst.Deviation) worst = (off, x, y, Invariant($"pi({x}) K({x},{y}) = {forward} but pi({y}) K({y},{x}) = {backward}"));
        }

        return worst.Deviation > 0
            ? Outcome(law, worst.Deviation, tolerance, worst.From, worst.To, worst.What, "|pi(x) K(x,y) - pi(y) K(y,x)|")
            : Outcome(law, 0.0, tolerance, null, null, "", "|pi(x) K(x,y) - pi(y) K(y,x)|");
    }

    /// <summary>
    /// Some power of K is strictly positive, decided exactly on the support (entries above <paramref name="threshold"/>,
    /// see <see cref="SupportPattern"/>): every state reaches every state and the chain has period 1. The message says
    /// which fails: a pair (from, to) where to cannot be reached from from, or the period.
    /// </summary>
    public static MarkovCheck Primitive(Mat k, double threshold = 0.0)
    {
        const string law = "primitive";
        if (Invalid(law, k, null, threshold) is { } invalid) return invalid;
        var support = SupportPattern.Above(k, threshold);
        if (support.IsPrimitive()) return new MarkovCheck(law, true, 0.0, threshold, null, null, Invariant($"{law}: holds ({k.Rows} states)"));
        return support.UnreachablePair() is var (from, to)
            ? new MarkovCheck(law, false, 0.0, threshold, from, to, Invariant($"{law}: reducible, state {to} cannot be reached from state {from}"))
            : new MarkovCheck(law, false, 0.0, threshold, null, null, Invariant($"{law}: irreducible but periodic, period {support.Period()}"));
    }

    // NaN is the worst deviation there is: a law with a NaN in it does not hold.
    private static double Deviation(double value) => double.IsNaN(value) ? double.PositiveInfinity : Math.Max(value, 0.0);

    private static MarkovCheck Outcome(string law, double worst, double tolerance, int? from, int? to, string what, string measure) =>
        worst <= tolerance
            ? new MarkovCheck(law, true, worst, tolerance, from, to,
                Invariant($"{law}: holds, worst {measure} = {worst} (tolerance {tolerance})") + (what.Length > 0 ? $" at {what}" : ""))
            : new MarkovCheck(law, false, worst, tolerance, from, to, Invariant($"{law}: fails, {what}: off by {worst} (tolerance {tolerance})"));

    private static MarkovCheck? Invalid(string law, Mat k, int? piLength, double tolerance)
    {
        string? problem = null;
        if (k.Rows != k.Columns) problem = Invariant($"K is {k.Rows} x {k.Columns}, not square");
        else if (piLength is { } length && length != k.Rows) problem = Invariant($"pi has {length} entries but K has {k.Rows} states");
        else if (!double.IsFinite(tolerance) || tolerance < 0.0) problem = Invariant($"the tolerance {tolerance} is not finite and >= 0");
        return problem is null ? null : new MarkovCheck(law, false, double.NaN, tolerance, null, null, $"{law}: cannot be checked: {problem}");
    }
}
