using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact transition matrices of parallel tempering on the product space of a tiny model, for tests:
/// state X = sum_r x_r 2^(n r), x_r the index (sum_i 2^i [unit i high]) of rung r's configuration.
/// </summary>
internal static class TemperingMatrices
{
    /// <summary>prod_r p_{beta_r}(x_r), the distribution parallel tempering leaves invariant.</summary>
    public static Vec ProductDistribution(IDiscreteModel model, IReadOnlyList<double> betas)
    {
        var n = model.Dimension;
        var marginals = betas.Select(b => Enumeration.Probabilities(model, b).Match(p => p, e => throw new ArgumentException(e.Message))).ToArray();
        return Vec.Create(1 << (n * betas.Count), d =>
        {
            for (var x = 0; x < d.Length; x++)
            {
                var p = 1.0;
                for (var r = 0; r < betas.Count; r++) p *= marginals[r][Rung(x, r, n)];
                d[x] = p;
            }
        });
    }

    /// <summary>The swap sweep over the pairs (r, r+1) with r = parity, parity + 2, ...</summary>
    public static Mat SwapSweep(IDiscreteModel model, IReadOnlyList<double> betas, int parity)
    {
        var size = 1 << (model.Dimension * betas.Count);
        var m = Identity(size);
        for (var r = parity; r + 1 < betas.Count; r += 2) m = ApplySwap(m, model, betas, r);
        return Mat.Wrap(size, size, m);
    }

    /// <summary>One full step: the local kernel at every rung (a tensor product), then the even and the odd sweep.</summary>
    public static Mat Step(IDiscreteModel model, IReadOnlyList<double> betas, Func<double, Mat> localMatrixAtBeta)
    {
        var n = model.Dimension;
        var rungs = betas.Count;
        var size = 1 << (n * rungs);
        var locals = betas.Select(localMatrixAtBeta).ToArray();
        var m = new double[size * size];
        for (var x = 0; x < size; x++)
        for (var y = 0; y < size; y++)
        {
            var p = 1.0;
            for (var r = 0; r < rungs && p != 0.0; r++) p *= locals[r][Rung(x, r, n), Rung(y, r, n)];
            m[x * size + y] = p;
        }

        for (var parity = 0; parity < 2; parity++)
        for (var r = parity; r + 1 < rungs; r += 2)
            m = ApplySwap(m, model, betas, r);
        return Mat.Wrap(size, size, m);
    }

    private static int Rung(int x, int rung, int n) => (x >> (n * rung)) & ((1 << n) - 1);

    private static int Swapped(int x, int rung, int n)
    {
        var low = Rung(x, rung, n);
        var high = Rung(x, rung + 1, n);
        var cleared = x & ~(((1 << (2 * n)) - 1) << (n * rung));
        return cleared | (high << (n * rung)) | (low << (n * (rung + 1)));
    }

    private static double[] Identity(int size)
    {
        var identity = new double[size * size];
        for (var x = 0; x < size; x++) identity[x * size + x] = 1.0;
        return identity;
    }

    // (M S)[a, y] = M[a, y] (1 - s(y)) + M[a, swap y] s(swap y), s(x) the swap probability from x; swap is an involution.
    private static double[] ApplySwap(double[] m, IDiscreteModel model, IReadOnlyList<double> betas, int rung)
    {
        var n = model.Dimension;
        var energies = Enumeration.Energies(model).Match(e => e, e => throw new ArgumentException(e.Message));
        var size = 1 << (n * betas.Count);
        var s = new double[size];
        for (var x = 0; x < size; x++)
        {
            var p = ReplicaSwaps.SwapProbability(betas[rung], betas[rung + 1], energies[Rung(x, rung, n)], energies[Rung(x, rung + 1, n)]);
            s[x] = double.IsNaN(p) ? 0.0 : p;
        }

        var result = new double[size * size];
        for (var a = 0; a < size; a++)
        for (var y = 0; y < size; y++)
        {
            var partner = Swapped(y, rung, n);
            result[a * size + y] = m[a * size + y] * (1.0 - s[y]) + m[a * size + partner] * s[partner];
        }

        return result;
    }
}
