using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>
/// Exact transition matrices of the library's kernels on tiny models, built by enumeration from the kernels'
/// definitions, for checking a kernel against the laws of <see cref="MarkovChecks"/> and its sampler against a
/// row (<see cref="OneStepFrequencies"/>).
/// </summary>
/// <remarks>
/// <para>States are indexed x = sum_i 2^i [unit i high], the order of <c>Enumeration.Probabilities</c>, so the
/// exact Boltzmann distribution is the stationary vector to check against. K[x, y] is the probability that one
/// step moves x to y.</para>
/// <para>Every matrix is dense, 2^n x 2^n: models of at most <see cref="MaxUnits"/> units (1,024 states, 8 MB).
/// Larger models, negative or non-finite beta, and kernels that do not apply come back as a failed <c>Fin</c>
/// (<see cref="TestingErrors"/>), never as an exception.</para>
/// <example><code>
/// var k = TransitionMatrices.Metropolis(model, 0.7, ScanOrder.Random);
/// var pi = Enumeration.Probabilities(model, 0.7);
/// var check = from m in k from p in pi select MarkovChecks.Stationary(m, p.Span);
/// </code></example>
/// </remarks>
public static partial class TransitionMatrices
{
    /// <summary>The most units (of the model, or of a tempering product) an exact matrix enumerates: 2^10 states.</summary>
    public const int MaxUnits = 10;

    /// <summary>
    /// One step of single-site Metropolis (<c>SingleSiteMetropolis</c>): n updates, each flipping unit i with
    /// probability a(beta dE) (<c>MetropolisAcceptance</c>, a tie accepted with 7/8); K^n with K = (1/n) sum_i K_i for
    /// the random scan, K_0 K_1 ... K_{n-1} for the systematic sweep.
    /// </summary>
    public static Fin<Mat> Metropolis(IDiscreteModel model, double beta, ScanOrder order) =>
        from _ in CheckBeta(beta)
        from k in SingleSite(model, MetropolisFlip(model, beta), order)
        select k;

    /// <summary>One step of heat-bath Gibbs (<c>HeatBathGibbs</c>): unit i flips with probability sigmoid(-beta dE).</summary>
    public static Fin<Mat> HeatBath(IDiscreteModel model, double beta, ScanOrder order) =>
        from _ in CheckBeta(beta)
        from k in SingleSite(model, HeatBathFlip(model, beta), order)
        select k;

    /// <summary>One random-site Metropolis update (1/n) sum_i K_i: the reversible building block of the random scan.</summary>
    public static Fin<Mat> MetropolisRandomSite(IDiscreteModel model, double beta) =>
        from _ in CheckBeta(beta)
        from k in RandomSiteUpdate(model, MetropolisFlip(model, beta))
        select k;

    /// <summary>One random-site heat-bath update (1/n) sum_i K_i.</summary>
    public static Fin<Mat> HeatBathRandomSite(IDiscreteModel model, double beta) =>
        from _ in CheckBeta(beta)
        from k in RandomSiteUpdate(model, HeatBathFlip(model, beta))
        select k;

    /// <summary>
    /// One step (n updates) of any single-site rule: K^n with K = (1/n) sum_i K_i for the random scan,
    /// K_0 K_1 ... K_{n-1} for the systematic sweep, where K_i moves x to x with bit i toggled with probability
    /// <paramref name="flip"/>(x, i). For a user's own rule (a new acceptance function, a modified heat bath).
    /// </summary>
    public static Fin<Mat> SingleSite(IDiscreteModel model, SiteFlipProbability flip, ScanOrder order) =>
        from table in FlipTable(model, flip)
        select StepMatrix(table, model.Dimension, order);

    /// <summary>One update of a uniformly chosen site, (1/n) sum_i K_i, for any single-site rule.</summary>
    public static Fin<Mat> RandomSiteUpdate(IDiscreteModel model, SiteFlipProbability flip) =>
        from table in FlipTable(model, flip)
        select Square(1 << model.Dimension, ApplyRandomSite(Identity(1 << model.Dimension), table, model.Dimension));

    /// <summary>
    /// The index x = sum_i 2^i [unit i high] of a state: a unit is high when it holds 1. Indices have 30 bits, so
    /// units after the 30th are not counted (exact matrices have at most <see cref="MaxUnits"/>).
    /// </summary>
    public static int IndexOf(ReadOnlySpan<double> state)
    {
        var index = 0;
        for (var i = 0; i < state.Length && i < 30; i++)
            if (state[i] == 1.0) index |= 1 << i;
        return index;
    }

    /// <summary>The state with index <paramref name="index"/>: unit i is 1 when bit i is set, else 0 (binary) or -1 (spins).</summary>
    public static Vec StateOf(int index, int units, StateConvention convention) => Vec.Create(units, d =>
    {
        var low = convention == StateConvention.Binary ? 0.0 : -1.0;
        for (var i = 0; i < d.Length; i++) d[i] = ((index >> i) & 1) == 1 ? 1.0 : low;
    });

    private static SiteFlipProbability MetropolisFlip(IDiscreteModel model, double beta)
    {
        var rule = new MetropolisRule(model, beta);
        return (state, site) => rule.FlipProbability(state, site, out _);
    }

    private static SiteFlipProbability HeatBathFlip(IDiscreteModel model, double beta)
    {
        var rule = new HeatBathRule(model, beta);
        return (state, site) => rule.FlipProbability(state, site, out _);
    }

    private static Fin<Unit> CheckBeta(double beta) =>
        double.IsFinite(beta) && beta >= 0.0 ? FinSucc(unit) : FinFail<Unit>(TestingErrors.InvalidBeta(beta));

    private static Fin<Unit> CheckUnits(string what, int units, int limit = MaxUnits) =>
        units <= limit
            ? FinSucc(unit)
            : FinFail<Unit>(TestingErrors.TooLarge(what, $"{units} units", $"at most {limit} units, 2^{limit} states"));

    // flip[x * n + i]: probability that the update of site i moves state x to x with bit i toggled;
    // a NaN probability is a rejection, so it counts as 0.
    private static Fin<double[]> FlipTable(IDiscreteModel model, SiteFlipProbability flip) =>
        from _ in CheckUnits(model.ToString() ?? "the model", model.Dimension)
        select FillFlipTable(model, flip);

    private static double[] FillFlipTable(IDiscreteModel model, SiteFlipProbability flip)
    {
        var n = model.Dimension;
        var size = 1 << n;
        var table = new double[size * n];
        for (var x = 0; x < size; x++)
        {
            var state = StateOf(x, n, model.States);
            for (var i = 0; i < n; i++)
            {
                var p = flip(state.Span, i);
                table[x * n + i] = double.IsNaN(p) ? 0.0 : p;
            }
        }

        return table;
    }

    private static Mat StepMatrix(double[] flip, int n, ScanOrder order)
    {
        var size = 1 << n;
        var product = Identity(size);
        for (var u = 0; u < n; u++)
            product = order == ScanOrder.Random ? ApplyRandomSite(product, flip, n) : ApplySite(product, flip, n, u);
        return Square(size, product);
    }

    private static Mat Square(int size, double[] entries) => Mat.Create(size, size, d => entries.CopyTo(d));

    private static double[] Identity(int size)
    {
        var identity = new double[size * size];
        for (var x = 0; x < size; x++) identity[x * size + x] = 1.0;
        return identity;
    }

    // (M K_i)[a, y] = M[a, y] (1 - flip(y, i)) + M[a, y ^ 2^i] flip(y ^ 2^i, i): K_i has two entries per row.
    private static double[] ApplySite(double[] m, double[] flip, int n, int site)
    {
        var size = 1 << n;
        var result = new double[size * size];
        var bit = 1 << site;
        for (var a = 0; a < size; a++)
        for (var y = 0; y < size; y++)
            result[a * size + y] = m[a * size + y] * (1.0 - flip[y * n + site]) + m[a * size + (y ^ bit)] * flip[(y ^ bit) * n + site];
        return result;
    }

    private static double[] ApplyRandomSite(double[] m, double[] flip, int n)
    {
        if (n == 0) return m;
        var size = 1 << n;
        var sum = new double[size * size];
        for (var i = 0; i < n; i++)
        {
            var term = ApplySite(m, flip, n, i);
            for (var k = 0; k < sum.Length; k++) sum[k] += term[k] / n;
        }

        return sum;
    }
}
