using System.Numerics;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>The lattice kernels: checkerboard colour updates and sweeps, Wolff and Swendsen-Wang.</summary>
public static partial class TransitionMatrices
{
    /// <summary>The most bond terms a cluster matrix sums over: 2^20 bond subsets per state.</summary>
    public const int MaxClusterBonds = 20;

    /// <summary>The colour classes of the checkerboard kernel, in update order: no two sites of a class share a bond.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> ColourClasses(IsingModel model) => Checkerboard.ColourClasses(model);

    /// <summary>
    /// The update of one colour class of the checkerboard kernel: the sites of the class move independently, site i
    /// to the opposite spin with the Metropolis or heat-bath probability of x = beta dE_i, dE_i = 2 s_i f_i with
    /// f_i = J n_i + h its local field; the other sites stay. Reversible with respect to p_beta.
    /// </summary>
    public static Fin<Mat> CheckerboardColour(IsingModel model, double beta, CheckerboardUpdate update, IReadOnlyList<int> sites) =>
        CheckerboardColour(model, beta, Acceptance(update), sites);

    /// <summary>The update of one colour class with any acceptance function of x = beta dE (a user's own rule).</summary>
    public static Fin<Mat> CheckerboardColour(IsingModel model, double beta, Func<double, double> acceptance, IReadOnlyList<int> sites) =>
        from _ in CheckBeta(beta)
        from __ in CheckUnits(model.ToString(), model.Dimension)
        from ___ in sites.All(i => i >= 0 && i < model.Dimension)
            ? FinSucc(unit)
            : FinFail<Unit>(TestingErrors.InvalidInput("sites", $"every site must lie in [0, {model.Dimension})"))
        select ColourMatrix(model, beta, acceptance, sites);

    /// <summary>One checkerboard sweep (<c>Checkerboard</c>): the product of the colour updates, in colour order.</summary>
    public static Fin<Mat> CheckerboardSweep(IsingModel model, double beta, CheckerboardUpdate update) =>
        CheckerboardSweep(model, beta, Acceptance(update));

    /// <summary>One checkerboard sweep with any acceptance function of x = beta dE.</summary>
    public static Fin<Mat> CheckerboardSweep(IsingModel model, double beta, Func<double, double> acceptance) =>
        ColourClasses(model).Aggregate(
            from _ in CheckBeta(beta)
            from __ in CheckUnits(model.ToString(), model.Dimension)
            select Square(1 << model.Dimension, Identity(1 << model.Dimension)),
            (sweep, colour) => from k in sweep from c in CheckerboardColour(model, beta, acceptance, colour) select MatrixProduct.Multiply(k, c));

    /// <summary>
    /// One Wolff step (<c>Wolff</c>, h = 0), by the Fortuin-Kasteleyn sum: over every subset A of the satisfied bond
    /// terms, weight p^|A| (1-p)^(|sat|-|A|) with p = 1 - exp(-2 beta |J|); a seed is chosen uniformly and its cluster
    /// flipped (with probability 1/2 when no bond can be activated: p = 0 or no bond terms).
    /// </summary>
    public static Fin<Mat> Wolff(IsingModel model, double beta) => Cluster(model, beta, singleCluster: true);

    /// <summary>One Swendsen-Wang step (<c>SwendsenWang</c>, h = 0): the same bond subsets, then each cluster flipped with probability 1/2.</summary>
    public static Fin<Mat> SwendsenWang(IsingModel model, double beta) => Cluster(model, beta, singleCluster: false);

    private static Func<double, double> Acceptance(CheckerboardUpdate update) =>
        update == CheckerboardUpdate.Metropolis ? MetropolisAcceptance.Probability : x => 1.0 / (1.0 + Math.Exp(x));

    private static Mat ColourMatrix(IsingModel model, double beta, Func<double, double> acceptance, IReadOnlyList<int> sites)
    {
        var n = model.Dimension;
        var size = 1 << n;
        return Mat.Create(size, size, k =>
        {
            for (var x = 0; x < size; x++)
            {
                var state = StateOf(x, n, StateConvention.Spin).Span;
                var flipProbabilities = new double[sites.Count];
                for (var j = 0; j < sites.Count; j++)
                    flipProbabilities[j] = acceptance(beta * (2.0 * state[sites[j]] * model.LocalField(state, sites[j])));
                for (var pattern = 0; pattern < 1 << sites.Count; pattern++)
                {
                    var probability = 1.0;
                    var y = x;
                    for (var j = 0; j < sites.Count; j++)
                    {
                        var flips = ((pattern >> j) & 1) == 1;
                        probability *= flips ? flipProbabilities[j] : 1.0 - flipProbabilities[j];
                        if (flips) y ^= 1 << sites[j];
                    }

                    k[x * size + y] += probability;
                }
            }
        });
    }

    private static Fin<Mat> Cluster(IsingModel model, double beta, bool singleCluster)
    {
        var kernel = singleCluster ? "wolff" : "swendsen-wang";
        if (model.Field != 0.0) return FinFail<Mat>(TestingErrors.NotApplicable(kernel, model.ToString(), "cluster moves need h = 0"));
        var bonds = new LatticeGeometry(model).BondTerms().ToArray();
        return from _ in CheckBeta(beta)
               from __ in CheckUnits(model.ToString(), model.Dimension)
               from ___ in bonds.Length <= MaxClusterBonds
                   ? FinSucc(unit)
                   : FinFail<Unit>(TestingErrors.TooLarge(model.ToString(), $"{bonds.Length} bond terms", $"at most {MaxClusterBonds} bond terms"))
               select ClusterMatrix(model, beta, singleCluster, bonds);
    }

    private static Mat ClusterMatrix(IsingModel model, double beta, bool singleCluster, (int From, int To)[] bonds)
    {
        var n = model.Dimension;
        var size = 1 << n;
        var p = 1.0 - Math.Exp(-2.0 * Math.Abs(beta * model.Coupling));
        var seedFlip = p == 0.0 || bonds.Length == 0 ? 0.5 : 1.0;
        return Mat.Create(size, size, k =>
        {
            for (var x = 0; x < size; x++)
            {
                var satisfied = bonds.Where(b => beta * model.Coupling * Spin(x, b.From) * Spin(x, b.To) > 0).ToArray();
                for (var subset = 0L; subset < 1L << satisfied.Length; subset++)
                {
                    var active = BitOperations.PopCount((ulong)subset);
                    var weight = Math.Pow(p, active) * Math.Pow(1.0 - p, satisfied.Length - active);
                    if (weight == 0.0) continue;
                    var label = Enumerable.Range(0, n).ToArray();
                    for (var t = 0; t < satisfied.Length; t++)
                        if (((subset >> t) & 1) == 1) Relabel(label, satisfied[t].From, satisfied[t].To);
                    var clusters = Roots(label);
                    if (singleCluster)
                    {
                        for (var seed = 0; seed < n; seed++)
                        {
                            k[x * size + FlipLabel(x, label, label[seed])] += seedFlip * weight / n;
                            k[x * size + x] += (1.0 - seedFlip) * weight / n;
                        }
                    }
                    else
                    {
                        for (var pattern = 0; pattern < 1 << clusters.Length; pattern++)
                        {
                            var y = x;
                            for (var j = 0; j < clusters.Length; j++)
                                if (((pattern >> j) & 1) == 1) y = FlipLabel(y, label, clusters[j]);
                            k[x * size + y] += weight / (1 << clusters.Length);
                        }
                    }
                }
            }
        });
    }

    private static int[] Roots(int[] label) => Enumerable.Range(0, label.Length).Where(i => label[i] == i).ToArray();

    private static int Spin(int x, int site) => ((x >> site) & 1) == 1 ? 1 : -1;

    private static int FlipLabel(int x, int[] label, int which)
    {
        for (var i = 0; i < label.Length; i++)
            if (label[i] == which) x ^= 1 << i;
        return x;
    }

    private static void Relabel(int[] label, int a, int b)
    {
        var (from, to) = (Math.Max(label[a], label[b]), Math.Min(label[a], label[b]));
        if (from == to) return;
        for (var i = 0; i < label.Length; i++)
            if (label[i] == from) label[i] = to;
    }
}
