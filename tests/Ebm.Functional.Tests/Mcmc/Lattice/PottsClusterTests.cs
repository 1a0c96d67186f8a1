using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;
using Ebm.Functional.Tests.Exact;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The Potts cluster kernels against their exact Fortuin-Kasteleyn transition matrices, built by summing over every subset A
/// of the bond terms between equal units (weight p^|A| (1 - p)^(|sat| - |A|), p = 1 - exp(-beta J)): the matrix is
/// stochastic, reversible and leaves p_beta stationary (to 1e-12), and one Step follows its row within 5 binomial standard
/// errors plus 1e-3 per cell over 20,000 chains (see <see cref="PottsKernelTests"/>).
/// </summary>
public sealed class PottsClusterTests
{
    public static TheoryData<bool, int, int, int, double, Boundary, int> Cases => new()
    {
        { true, 2, 2, 3, 0.0, Boundary.Periodic, 4 },
        { true, 1, 3, 3, 0.0, Boundary.Periodic, 0 },
        { true, 2, 2, 2, 0.0, Boundary.Open, 6 },
        { false, 2, 2, 3, 0.0, Boundary.Periodic, 13 },
        { false, 2, 2, 3, 0.5, Boundary.Periodic, 40 },
        { false, 2, 3, 2, -0.4, Boundary.Open, 21 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cluster_matrix_is_reversible_and_the_step_follows_it(bool wolff, int rows, int columns, int q, double field, Boundary boundary, int start)
    {
        const double beta = 0.8;
        var model = (PottsModel)CategoricalEnumerationTests.Model("potts", rows, columns, q, field, boundary);
        var k = Matrix(model, beta, wolff);
        var pi = PottsTransitionMatrices.Boltzmann(model, beta);
        Assert.True(MarkovChecks.Stochastic(k).Holds, "stochastic");
        Assert.True(MarkovChecks.Reversible(k, pi).Holds, "reversible");
        Assert.True(MarkovChecks.Stationary(k, pi).Holds, "stationary");
        var sampler = (wolff ? PottsWolff.Create(model, beta) : PottsSwendsenWang.Create(model, beta)).Match(s => s, e => throw new InvalidOperationException(e.Message));
        var row = Enumerable.Range(0, k.Columns).Select(y => k[start, y]).ToArray();
        PottsKernelTests.AssertRowMatches(model, row, start, s => sampler.Step(RngKey.FromSeed(51), sampler.Init(s)).State);
    }

    [Fact]
    public void Cluster_kernels_refuse_what_they_cannot_sample()
    {
        var clock = CategoricalEnumerationTests.Model("clock", 4, 4, 3, 0.0, Boundary.Periodic);
        var antiferromagnet = CategoricalEnumerationTests.Model("potts", 4, 4, 3, 0.0, Boundary.Periodic, coupling: -1.0);
        var field = CategoricalEnumerationTests.Model("potts", 4, 4, 3, 0.2, Boundary.Periodic);
        Assert.Equal(PottsLatticeErrors.ClusterNotSupportedCode, PottsWolff.Create(clock, 0.5).Match(_ => 0, e => e.Code));
        Assert.Equal(PottsLatticeErrors.ClusterNotSupportedCode, PottsSwendsenWang.Create(antiferromagnet, 0.5).Match(_ => 0, e => e.Code));
        Assert.Equal(PottsLatticeErrors.ClusterNotSupportedCode, PottsWolff.Create(field, 0.5).Match(_ => 0, e => e.Code));
        Assert.True(PottsSwendsenWang.Create(field, 0.5).IsSucc);
    }

    [Fact]
    public void Cluster_energies_are_exact_and_threads_do_not_change_results()
    {
        var model = CategoricalEnumerationTests.Model("potts", 6, 5, 4, 0.0, Boundary.Periodic);
        var start = PottsPhysicsTests.RandomStart(model, 8, 6);
        foreach (var create in new Func<int, Sampler<Mat, PottsChains, ClusterInfo>>[]
                 {
                     threads => PottsWolff.Create(model, 1.0, threads).Match(s => s, e => throw new InvalidOperationException(e.Message)),
                     threads => PottsSwendsenWang.Create(model, 1.0, threads).Match(s => s, e => throw new InvalidOperationException(e.Message)),
                 })
        {
            var (one, many) = (create(1), create(3));
            var a = Loop.Run(RngKey.FromSeed(9), one.Init(start), 6, one.Step);
            var b = Loop.Run(RngKey.FromSeed(9), many.Init(start), 6, many.Step);
            Assert.Equal(a.ToStates(), b.ToStates());
            var states = a.ToStates();
            for (var c = 0; c < a.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), a.Energies[c], 1e-12);
        }
    }

    /// <summary>The exact one-step matrix by the Fortuin-Kasteleyn sum (Wolff: uniform seed, new value uniform among the other q - 1).</summary>
    private static Mat Matrix(PottsModel model, double beta, bool wolff)
    {
        var q = model.Levels;
        var n = model.Dimension;
        var count = PottsTransitionMatrices.Count(model);
        var p = 1 - Math.Exp(-beta * model.Coupling);
        var terms = BondTerms(model).Where(t => t.From != t.To).ToArray();
        return Mat.Create(count, count, k =>
        {
            for (var x = 0; x < count; x++)
            {
                var state = PottsTransitionMatrices.State(x, n, q).Select(v => (int)v).ToArray();
                var satisfied = terms.Where(t => state[t.From] == state[t.To]).ToArray();
                for (var subset = 0; subset < 1 << satisfied.Length; subset++)
                {
                    var active = Enumerable.Range(0, satisfied.Length).Count(b => ((subset >> b) & 1) == 1);
                    var weight = Math.Pow(p, active) * Math.Pow(1 - p, satisfied.Length - active);
                    var cluster = Components(n, satisfied.Where((_, b) => ((subset >> b) & 1) == 1));
                    if (wolff) AddWolff(k, count, x, state, cluster, weight, q);
                    else AddSwendsenWang(k, count, x, cluster, weight, q, beta * model.Field);
                }
            }
        });
    }

    private static void AddWolff(Span<double> k, int count, int x, int[] state, int[] cluster, double weight, int q)
    {
        var n = state.Length;
        for (var seed = 0; seed < n; seed++)
        for (var value = 0; value < q; value++)
        {
            if (value == state[seed]) continue;
            var next = (int[])state.Clone();
            for (var i = 0; i < n; i++)
                if (cluster[i] == cluster[seed]) next[i] = value;
            k[x * count + Index(next, q)] += weight / n / (q - 1);
        }
    }

    private static void AddSwendsenWang(Span<double> k, int count, int x, int[] cluster, double weight, int q, double betaField)
    {
        var roots = cluster.Distinct().ToArray();
        var patterns = (int)Math.Pow(q, roots.Length);
        for (var pattern = 0; pattern < patterns; pattern++)
        {
            var probability = weight;
            var next = new int[cluster.Length];
            var rest = pattern;
            foreach (var root in roots)
            {
                var value = rest % q;
                rest /= q;
                var size = cluster.Count(c => c == root);
                var zeroWeight = Math.Exp(betaField * size);
                probability *= (value == 0 ? zeroWeight : 1.0) / (zeroWeight + q - 1);
                for (var i = 0; i < cluster.Length; i++)
                    if (cluster[i] == root) next[i] = value;
            }

            k[x * count + Index(next, q)] += probability;
        }
    }

    private static int Index(int[] state, int q)
    {
        var index = 0;
        for (var i = state.Length - 1; i >= 0; i--) index = index * q + state[i];
        return index;
    }

    /// <summary>A component label per site (the smallest site of its component) of the graph with the given edges.</summary>
    private static int[] Components(int n, IEnumerable<(int From, int To)> edges)
    {
        var label = Enumerable.Range(0, n).ToArray();
        var list = edges.ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (a, b) in list)
            {
                var low = Math.Min(label[a], label[b]);
                if (label[a] != low || label[b] != low) changed = true;
                label[a] = label[b] = low;
            }
        }

        return label;
    }

    /// <summary>Each site's right and down bond term, as the models count them (periodic side 2 twice, side 1 a self-term).</summary>
    private static IEnumerable<(int From, int To)> BondTerms(PottsModel model)
    {
        var periodic = model.Boundary == Boundary.Periodic;
        for (var r = 0; r < model.Rows; r++)
        for (var c = 0; c < model.Columns; c++)
        {
            var site = r * model.Columns + c;
            if (c + 1 < model.Columns || periodic) yield return (site, r * model.Columns + (c + 1) % model.Columns);
            if (r + 1 < model.Rows || periodic) yield return (site, (r + 1) % model.Rows * model.Columns + c);
        }
    }
}
