using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>
/// Exact transition matrices of parallel tempering (<c>ParallelTempering</c>) on the product space of a tiny model:
/// state X = sum_r x_r 2^(n r), x_r the index (sum_i 2^i [unit i high]) of rung r's configuration, at most
/// <see cref="TransitionMatrices.MaxUnits"/> units over all rungs together.
/// </summary>
public static class TemperingMatrices
{
    /// <summary>prod_r p_{beta_r}(x_r), the distribution parallel tempering leaves invariant.</summary>
    public static Fin<Vec> ProductDistribution(IDiscreteModel model, IReadOnlyList<double> betas) =>
        from _ in Check(model, betas)
        from marginals in betas.Select(b => Enumeration.Probabilities(model, b)).ToSeq().Sequence()
        select Product(model.Dimension, betas.Count, marginals.ToArray());

    /// <summary>The swap sweep over the pairs (r, r+1) with r = parity, parity + 2, ...; reversible for the product.</summary>
    public static Fin<Mat> SwapSweep(IDiscreteModel model, IReadOnlyList<double> betas, int parity) =>
        from _ in Check(model, betas)
        from __ in parity is 0 or 1 ? FinSucc(unit) : FinFail<Unit>(TestingErrors.InvalidInput("parity", $"{parity} is neither 0 nor 1"))
        from energies in Enumeration.Energies(model)
        select Sweep(model.Dimension, betas, energies, parity, Identity(1 << (model.Dimension * betas.Count)));

    /// <summary>
    /// One full step: the local kernel at every rung (a tensor product of <paramref name="localMatrixAtBeta"/>), then
    /// the even and the odd swap sweep. The local matrices are 2^n x 2^n, for example
    /// <c>b =&gt; TransitionMatrices.HeatBath(model, b, ScanOrder.Random)</c>.
    /// </summary>
    public static Fin<Mat> Step(IDiscreteModel model, IReadOnlyList<double> betas, Func<double, Fin<Mat>> localMatrixAtBeta) =>
        from _ in Check(model, betas)
        from locals in betas.Select(localMatrixAtBeta).ToSeq().Sequence()
        from __ in locals.ForAll(k => k.Rows == 1 << model.Dimension && k.Columns == 1 << model.Dimension)
            ? FinSucc(unit)
            : FinFail<Unit>(TestingErrors.InvalidInput("localMatrixAtBeta", $"every local matrix must be {1 << model.Dimension} x {1 << model.Dimension}"))
        from energies in Enumeration.Energies(model)
        select Full(model.Dimension, betas, energies, locals.ToArray());

    private static Fin<Unit> Check(IDiscreteModel model, IReadOnlyList<double> betas)
    {
        if (betas.Count == 0) return FinFail<Unit>(TestingErrors.InvalidInput("betas", "the ladder is empty"));
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0.0) return FinFail<Unit>(TestingErrors.InvalidBeta(beta));
        var units = model.Dimension * betas.Count;
        return units <= TransitionMatrices.MaxUnits
            ? FinSucc(unit)
            : FinFail<Unit>(TestingErrors.TooLarge($"parallel tempering of {model}", $"{betas.Count} rungs of {model.Dimension} units",
                $"at most {TransitionMatrices.MaxUnits} units over all rungs"));
    }

    private static Vec Product(int n, int rungs, Vec[] marginals) => Vec.Create(1 << (n * rungs), d =>
    {
        for (var x = 0; x < d.Length; x++)
        {
            var p = 1.0;
            for (var r = 0; r < rungs; r++) p *= marginals[r][Rung(x, r, n)];
            d[x] = p;
        }
    });

    private static Mat Full(int n, IReadOnlyList<double> betas, Vec energies, Mat[] locals)
    {
        var rungs = betas.Count;
        var size = 1 << (n * rungs);
        var m = new double[size * size];
        for (var x = 0; x < size; x++)
        for (var y = 0; y < size; y++)
        {
            var p = 1.0;
            for (var r = 0; r < rungs && p != 0.0; r++) p *= locals[r][Rung(x, r, n), Rung(y, r, n)];
            m[x * size + y] = p;
        }

        return Sweep(n, betas, energies, 1, Sweep(n, betas, energies, 0, m).Span.ToArray());
    }

    private static Mat Sweep(int n, IReadOnlyList<double> betas, Vec energies, int parity, double[] m)
    {
        var size = 1 << (n * betas.Count);
        for (var r = parity; r + 1 < betas.Count; r += 2) m = ApplySwap(m, n, betas, energies, r);
        return Mat.Create(size, size, d => m.CopyTo(d));
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
    private static double[] ApplySwap(double[] m, int n, IReadOnlyList<double> betas, Vec energies, int rung)
    {
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
