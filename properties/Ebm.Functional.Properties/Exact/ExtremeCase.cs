using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// A small discrete model with parameters drawn across every magnitude a double holds, a beta from 0 to 1e308,
/// the exact methods that apply, and the energies of all its states written here from the model's definition.
/// </summary>
/// <param name="Description">The family and parameters, for failure labels.</param>
/// <param name="Model">The model.</param>
/// <param name="Beta">Inverse temperature.</param>
/// <param name="Energies">E(x) of every state from the definition, or null where the model has continuous units.</param>
/// <param name="Bound">Sum of |term| over the energy's terms: |E(x)| &lt;= Bound for every state (may be infinite).</param>
/// <param name="Methods">Auto and every explicit method that applies to the model.</param>
public sealed record ExtremeCase(string Description, IEnergyModel Model, double Beta, double[]? Energies, double Bound, ExactMethod[] Methods)
{
    /// <summary>Ising lattices, Boltzmann machines, Bernoulli and Gaussian-Bernoulli RBMs, in equal parts.</summary>
    public static Gen<ExtremeCase> Any() =>
        from style in Gen.Elements(Full, Moderate, Small)
        from beta in InverseTemperature(style)
        from family in Gen.Choose(0, 3)
        from model in family switch
        {
            0 => Ising(style, beta),
            1 => Boltzmann(style, beta),
            2 => Rbm(style, beta),
            _ => GaussianBernoulli(style, beta),
        }
        select model;

    /// <summary>Exponent ranges of |parameter| = 10^u: the whole double range, [-20, 20], [-2, 1].</summary>
    private static readonly (double Low, double High) Full = (-308.0, 308.25), Moderate = (-20.0, 20.0), Small = (-2.0, 1.0);

    /// <summary>0 one time in ten, else 10^u with u uniform in the style's range; parameters negative half the time.</summary>
    private static Gen<double> Value((double Low, double High) style) =>
        from zero in Gen.Choose(0, 9)
        from negative in Gen.Elements(false, true)
        from exponent in Gen.Choose((int)(style.Low * 1000), (int)(style.High * 1000))
        select zero == 0 ? 0.0 : (negative ? -1.0 : 1.0) * Math.Pow(10.0, exponent / 1000.0);

    private static Gen<double> Positive((double Low, double High) style) => Value(style).Select(v => v == 0.0 ? 1.0 : Math.Abs(v));

    private static Gen<double> InverseTemperature((double Low, double High) style) => Value(style).Select(Math.Abs);

    private static Gen<ExtremeCase> Ising((double Low, double High) style, double beta) =>
        from rows in Gen.Choose(1, 3)
        from columns in Gen.Choose(1, 3)
        from periodic in Gen.Elements(false, true)
        from coupling in Value(style)
        from field in Value(style)
        select IsingCase(rows, columns, periodic ? Boundary.Periodic : Boundary.Open, coupling, field, beta);

    private static ExtremeCase IsingCase(int rows, int columns, Boundary boundary, double coupling, double field, double beta)
    {
        var model = IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var n = rows * columns;
        var bonds = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            if (c + 1 < columns || boundary == Boundary.Periodic) bonds.Add((r * columns + c, r * columns + (c + 1) % columns));
            if (r + 1 < rows || boundary == Boundary.Periodic) bonds.Add((r * columns + c, (r + 1) % rows * columns + c));
        }

        var energies = States(n, -1.0).Select(s => -coupling * bonds.Sum(b => s[b.Item1] * s[b.Item2]) - field * s.Sum()).ToArray();
        var methods = new List<ExactMethod> { ExactMethod.Auto, ExactMethod.Enumeration, ExactMethod.TransferMatrix };
        if (Kaufman.Applies(model)) methods.Add(ExactMethod.Kaufman);
        return new ExtremeCase($"ising {rows}x{columns} {boundary} J={coupling:R} h={field:R} beta={beta:R}", model, beta, energies,
            Math.Abs(coupling) * bonds.Count + Math.Abs(field) * n, methods.ToArray());
    }

    private static Gen<ExtremeCase> Boltzmann((double Low, double High) style, double beta) =>
        from n in Gen.Choose(2, 5)
        from spin in Gen.Elements(false, true)
        from upper in Gen.ArrayOf(Value(style), n * (n - 1) / 2)
        from biases in Gen.ArrayOf(Value(style), n)
        select BoltzmannCase(n, spin ? StateConvention.Spin : StateConvention.Binary, upper, biases, beta);

    private static ExtremeCase BoltzmannCase(int n, StateConvention states, double[] upper, double[] biases, double beta)
    {
        var w = new double[n, n];
        for (int i = 0, k = 0; i < n; i++)
        for (var j = i + 1; j < n; j++, k++) w[i, j] = w[j, i] = upper[k];
        var couplings = Mat.Create(n, n, m => { for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) m[i * n + j] = w[i, j]; });
        var model = BoltzmannMachine.Create(couplings, Vec.Of(biases), states).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var energies = States(n, states == StateConvention.Spin ? -1.0 : 0.0).Select(x =>
        {
            var e = 0.0;
            for (var i = 0; i < n; i++)
            {
                e -= biases[i] * x[i];
                for (var j = i + 1; j < n; j++) e -= w[i, j] * x[i] * x[j];
            }

            return e;
        }).ToArray();
        return new ExtremeCase($"boltzmann {states} W={string.Join(",", upper.Select(v => v.ToString("R")))} b={string.Join(",", biases.Select(v => v.ToString("R")))} beta={beta:R}",
            model, beta, energies, upper.Sum(Math.Abs) + biases.Sum(Math.Abs), [ExactMethod.Auto, ExactMethod.Enumeration]);
    }

    private static Gen<ExtremeCase> Rbm((double Low, double High) style, double beta) =>
        from visible in Gen.Choose(1, 3)
        from hidden in Gen.Choose(1, 3)
        from weights in Gen.ArrayOf(Value(style), visible * hidden)
        from visibleBias in Gen.ArrayOf(Value(style), visible)
        from hiddenBias in Gen.ArrayOf(Value(style), hidden)
        select RbmCase(visible, hidden, weights, visibleBias, hiddenBias, beta);

    private static ExtremeCase RbmCase(int nv, int nh, double[] weights, double[] b, double[] c, double beta)
    {
        var model = BernoulliRbm.Create(Mat.From(nv, nh, weights), Vec.Of(b), Vec.Of(c)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var energies = States(nv + nh, 0.0).Select(x =>
        {
            var e = 0.0;
            for (var i = 0; i < nv; i++) e -= b[i] * x[i];
            for (var j = 0; j < nh; j++) e -= c[j] * x[nv + j];
            for (var i = 0; i < nv; i++)
            for (var j = 0; j < nh; j++) e -= x[i] * weights[i * nh + j] * x[nv + j];
            return e;
        }).ToArray();
        return new ExtremeCase($"rbm {nv}x{nh} W={string.Join(",", weights.Select(v => v.ToString("R")))} b={string.Join(",", b.Select(v => v.ToString("R")))} c={string.Join(",", c.Select(v => v.ToString("R")))} beta={beta:R}",
            model, beta, energies, weights.Sum(Math.Abs) + b.Sum(Math.Abs) + c.Sum(Math.Abs), [ExactMethod.Auto, ExactMethod.LayerSum, ExactMethod.Enumeration]);
    }

    private static Gen<ExtremeCase> GaussianBernoulli((double Low, double High) style, double beta) =>
        from visible in Gen.Choose(1, 2)
        from hidden in Gen.Choose(1, 3)
        from weights in Gen.ArrayOf(Value(style), visible * hidden)
        from visibleBias in Gen.ArrayOf(Value(style), visible)
        from hiddenBias in Gen.ArrayOf(Value(style), hidden)
        from sigma in Gen.ArrayOf(Positive(style), visible)
        select new ExtremeCase(
            $"gaussian-bernoulli {visible}x{hidden} W={string.Join(",", weights.Select(v => v.ToString("R")))} b={string.Join(",", visibleBias.Select(v => v.ToString("R")))} " +
            $"c={string.Join(",", hiddenBias.Select(v => v.ToString("R")))} sigma={string.Join(",", sigma.Select(v => v.ToString("R")))} beta={beta:R}",
            GaussianBernoulliRbm.Create(Mat.From(visible, hidden, weights), Vec.Of(visibleBias), Vec.Of(hiddenBias), Vec.Of(sigma))
                .Match(m => (IEnergyModel)m, e => throw new InvalidOperationException(e.Head.Message)),
            beta, null, double.PositiveInfinity, [ExactMethod.Auto, ExactMethod.LayerSum]);

    /// <summary>Every state of n units with values {low, 1}, unit i high when bit i of the index is set.</summary>
    private static IEnumerable<double[]> States(int n, double low) =>
        Enumerable.Range(0, 1 << n).Select(index => Enumerable.Range(0, n).Select(i => ((index >> i) & 1) == 1 ? 1.0 : low).ToArray());
}
