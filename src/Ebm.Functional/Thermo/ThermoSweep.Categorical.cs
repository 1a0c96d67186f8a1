using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>
    /// The order parameter recorded for a q-state Potts or clock chain from its value counts n_k (k = 0..q-1, N units),
    /// in [0, 1]: it feeds the &lt;|m|&gt;, chi and Binder fields of <see cref="OrderMoments"/>.
    /// </summary>
    /// <remarks>
    /// Potts: m = (q max_k n_k / N - 1) / (q - 1), the excess of the most common value over its share q^-1 in a
    /// uniform state: 0 at infinite temperature on average over large lattices, 1 in a ground state (all units equal);
    /// for q = 2 it is the Ising |M| / N. Clock: m = |sum_k n_k (cos 2 pi k / q, sin 2 pi k / q)| / N, the length of
    /// the mean unit vector. Both are invariant under the global symmetry (a relabelling of the values, a rotation by
    /// 2 pi / q), so in zero field they do not average to zero over a long run the way the signed Ising m does.
    /// </remarks>
    /// <param name="model">A Potts or clock lattice.</param>
    /// <param name="counts">How many units take each value 0..q-1.</param>
    public static double CategoricalOrder(ICategoricalModel model, ReadOnlySpan<int> counts)
    {
        var (q, units) = (counts.Length, 0);
        foreach (var n in counts) units += n;
        if (model is ClockModel)
        {
            double along = 0, across = 0;
            for (var k = 0; k < q; k++)
            {
                along += counts[k] * Math.Cos(2 * Math.PI * k / q);
                across += counts[k] * Math.Sin(2 * Math.PI * k / q);
            }

            return Math.Sqrt(along * along + across * across) / units;
        }

        var largest = 0;
        foreach (var n in counts) largest = Math.Max(largest, n);
        return ((double)q * largest / units - 1) / (q - 1);
    }

    /// <summary>Most states (q^N) whose order parameter <see cref="Exact"/> enumerates for a Potts or clock lattice: 2^20, milliseconds.</summary>
    public const long MaxExactOrderStates = 1L << 20;

    /// <summary>
    /// The exact moments of <see cref="CategoricalOrder"/>, the order parameter the samplers record, at every beta: &lt;|m|&gt;,
    /// chi = beta N (&lt;m^2&gt; - &lt;|m|&gt;^2) and U_4 = 1 - &lt;m^4&gt; / (3 &lt;m^2&gt;^2) as in <see cref="OrderMoments"/>, errors 0, by
    /// enumeration of all q^N states (at most 2^30).
    /// </summary>
    /// <remarks>
    /// Each state's energy and order parameter come from its integer bond class and value counts in a fixed order, so
    /// equal counts give equal bits; the states are tallied into an exact histogram of (E, m) (a few thousand bins) and
    /// every beta is one pass over it with weights exp(-beta E_j - a) g_j, a the largest exponent, and the variance taken
    /// about the mean (no cancellation of &lt;m^2&gt; against &lt;|m|&gt;^2). The counts are integers, so the result does
    /// not depend on the thread count. Example: q = 3 Potts on the 2 x 2 torus at beta = 0 has &lt;|m|&gt; = 7/18 (of the
    /// 81 states, 3 have m = 1, 24 have m = 5/8 and 54 have m = 1/4).
    /// </remarks>
    /// <param name="model">A Potts or clock lattice with q^N &lt;= 2^30.</param>
    /// <param name="betas">Inverse temperatures, each finite and at least 0.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 leaves it to the executor. Does not change the result.</param>
    public static Fin<Seq<OrderMoments>> ExactCategoricalOrder(ICategoricalModel model, IReadOnlyList<double> betas, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0) return FinFail<Seq<OrderMoments>>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        var terms = CategoricalTerms.Of(model);
        if (terms is null) return FinFail<Seq<OrderMoments>>(ExactErrors.NoExactMethod(model.Kind));
        if (CategoricalWalk.States(model.Levels, model.Dimension) < 0)
            return FinFail<Seq<OrderMoments>>(ExactErrors.TooLarge($"a {model.Kind} lattice", $"{model.Dimension} units of {model.Levels} states",
                "the exact order moments enumerate at most 2^30 states"));
        var parts = CategoricalWalk.Run(terms, () => new OrderTally(model, terms), maxDegreeOfParallelism);
        var total = new Dictionary<(double Energy, double Order), long>();
        foreach (var part in parts)
        foreach (var (key, count) in part.Counts)
            total[key] = total.GetValueOrDefault(key) + count;
        var bins = total.OrderBy(p => p.Key.Energy).ThenBy(p => p.Key.Order).Select(p => (p.Key.Energy, p.Key.Order, p.Value)).ToArray();
        return FinSucc(betas.Select(beta => OrderAt(bins, beta, model.Dimension)).ToSeq().Strict());
    }

    /// <summary>The exact points of a Potts or clock lattice of at most <see cref="MaxExactOrderStates"/> states with their order moments added.</summary>
    private static Fin<Seq<ThermoPoint>> WithCategoricalOrder(IEnergyModel model, Seq<ThermoPoint> points) =>
        model is ICategoricalModel categorical && CategoricalTerms.Of(categorical) is not null
            && CategoricalWalk.States(categorical.Levels, categorical.Dimension) is >= 0 and <= MaxExactOrderStates
            ? ExactCategoricalOrder(categorical, points.Map(p => p.Beta).ToArray())
                .Map(order => points.Zip(order).Map(pair => pair.Item1 with { Order = Some(pair.Item2) }).Strict())
            : FinSucc(points);

    private static OrderMoments OrderAt((double Energy, double Order, long Count)[] bins, double beta, int units)
    {
        var logWeights = bins.Select(b => -beta * b.Energy + Math.Log(b.Count)).ToArray();
        var shift = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - shift)).ToArray();
        var z = weights.Sum();
        double absolute = 0, fourth = 0;
        for (var j = 0; j < bins.Length; j++)
        {
            var m = bins[j].Order;
            absolute += weights[j] / z * m;
            fourth += weights[j] / z * (m * m) * (m * m);
        }

        double variance = 0, square = 0;
        for (var j = 0; j < bins.Length; j++)
        {
            var deviation = bins[j].Order - absolute;
            variance += weights[j] / z * deviation * deviation;
            square += weights[j] / z * bins[j].Order * bins[j].Order;
        }

        return new OrderMoments(
            Measured.Exact(absolute),
            Measured.Exact(beta * units * variance),
            Measured.Exact(1 - fourth / (3 * square * square)));
    }

    /// <summary>Heat-bath checkerboard sweeps over the q values, started from uniform draws.</summary>
    private static TemperingRecipe<PottsChains, CheckerboardInfo> CategoricalRecipe(RngKey key, ICategoricalModel model, TemperingSettings settings) =>
        new(b => PottsCheckerboard.CheckedStep(model, b, settings.MaxDegreeOfParallelism),
            s => PottsChains.FromStates(model, s),
            s => s.Energies,
            (s, c) => CategoricalOrder(model, s.ValueCounts(c)),
            true,
            PottsChains.Gather,
            s => s.ToStates(),
            (states, _) => FinSucc(PottsChains.FromStates(model, states)),
            CategoricalDraws.Uniform(key.FoldIn(0), model, settings.Chains),
            LogZAtZero(model));

    /// <summary>One part's tally of the states by (E, m).</summary>
    private sealed class OrderTally(ICategoricalModel model, CategoricalTerms terms) : ICategoricalVisitor
    {
        public Dictionary<(double Energy, double Order), long> Counts { get; } = new();

        public void Visit(ReadOnlySpan<int> classCounts, ReadOnlySpan<int> valueCounts)
        {
            var key = (terms.Energy(classCounts, valueCounts), CategoricalOrder(model, valueCounts));
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>log Z(0) = N log q: at beta = 0 every one of the q^N states has weight 1.</summary>
    private static double LogZAtZero(ICategoricalModel model) => model.Dimension * Math.Log(model.Levels);
}
