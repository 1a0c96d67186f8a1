using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// Exact transition matrices of the categorical lattice kernels on tiny lattices, built from the model's own
/// <see cref="ICategoricalModel.ChangeEnergy"/> (independent of the kernels' tables). State x = sum_i s_i q^i.
/// </summary>
internal static class PottsTransitionMatrices
{
    public static double[] State(int index, int sites, int q)
    {
        var state = new double[sites];
        for (var i = 0; i < sites; i++, index /= q) state[i] = index % q;
        return state;
    }

    public static int Index(ReadOnlySpan<byte> units, int q)
    {
        var index = 0;
        for (var i = units.Length - 1; i >= 0; i--) index = index * q + units[i];
        return index;
    }

    public static int Count(ICategoricalModel model) => (int)Math.Pow(model.Levels, model.Dimension);

    /// <summary>p_beta over all states, from the model's energies.</summary>
    public static double[] Boltzmann(ICategoricalModel model, double beta)
    {
        var count = Count(model);
        var logWeights = Enumerable.Range(0, count).Select(x => -beta * model.Energy(State(x, model.Dimension, model.Levels))).ToArray();
        var shift = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - shift)).ToArray();
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    /// <summary>The colour classes of the checkerboard, in update order (the Ising lattice of the same shape has the same).</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Colours(int rows, int columns, Boundary boundary) =>
        TransitionMatrices.ColourClasses(IsingModel.Create(rows, columns, 0.0, 0.0, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message)));

    /// <summary>
    /// The heat-bath update of one colour class: each of its sites independently draws v with probability
    /// proportional to exp(-beta (E(s with s_i = v) - E(s))); the other sites stay.
    /// </summary>
    public static Mat HeatBathColour(ICategoricalModel model, double beta, IReadOnlyList<int> sites)
    {
        var q = model.Levels;
        var count = Count(model);
        return Mat.Create(count, count, k =>
        {
            for (var x = 0; x < count; x++)
            {
                var state = State(x, model.Dimension, q);
                var conditionals = sites.Select(site =>
                {
                    var logWeights = Enumerable.Range(0, q).Select(v => -beta * model.ChangeEnergy(state, site, v)).ToArray();
                    var shift = logWeights.Max();
                    var weights = logWeights.Select(l => Math.Exp(l - shift)).ToArray();
                    var total = weights.Sum();
                    return weights.Select(w => w / total).ToArray();
                }).ToArray();
                var patterns = (int)Math.Pow(q, sites.Count);
                for (var pattern = 0; pattern < patterns; pattern++)
                {
                    var probability = 1.0;
                    var next = (double[])state.Clone();
                    var rest = pattern;
                    for (var j = 0; j < sites.Count; j++, rest /= q)
                    {
                        probability *= conditionals[j][rest % q];
                        next[sites[j]] = rest % q;
                    }

                    var y = 0;
                    for (var i = next.Length - 1; i >= 0; i--) y = y * q + (int)next[i];
                    k[x * count + y] += probability;
                }
            }
        });
    }

    /// <summary>Row <paramref name="start"/> of the product of the given matrices, in order.</summary>
    public static double[] Row(IEnumerable<Mat> factors, int start, int count)
    {
        var row = new double[count];
        row[start] = 1.0;
        foreach (var k in factors)
        {
            var next = new double[count];
            for (var x = 0; x < count; x++)
            {
                if (row[x] == 0.0) continue;
                for (var y = 0; y < count; y++) next[y] += row[x] * k[x, y];
            }

            row = next;
        }

        return row;
    }
}
