using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The laws of <see cref="MarkovChecks"/> as assertions for the properties: each throws with the check's message,
/// which names the worst offending states and their numbers, prefixed by what was checked.
/// </summary>
public static class MarkovMatrixChecks
{
    /// <summary>Entries in [0, 1] and every row sums to 1, within <see cref="MarkovChecks.DefaultTolerance"/>.</summary>
    public static void RowsAreDistributions(Mat k, string what) => Require(MarkovChecks.Stochastic(k), what);

    /// <summary>pi K = pi.</summary>
    public static void IsStationary(Mat k, ReadOnlySpan<double> pi, string what) => Require(MarkovChecks.Stationary(k, pi), what);

    /// <summary>Some power of K is strictly positive: the message says whether a state is unreachable or the chain periodic.</summary>
    public static void IsPrimitive(Mat k, string what) => Require(MarkovChecks.Primitive(k), what);

    /// <summary>pi(x) K(x, y) = pi(y) K(y, x) for every pair.</summary>
    public static void HasDetailedBalance(Mat k, ReadOnlySpan<double> pi, string what) => Require(MarkovChecks.Reversible(k, pi), what);

    /// <summary>The same laws with a tolerance of their own (sums of many rounded terms).</summary>
    public static void Require(MarkovCheck check, string what)
    {
        if (!check.Holds) throw new Exception($"{what}: {check.Message}");
    }
}
