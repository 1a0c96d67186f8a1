using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Models;

/// <summary>A Boltzmann machine, one of its states and one of its units.</summary>
public sealed record BoltzmannCase(BoltzmannMachine Model, double[] State, int Site)
{
    /// <summary>sum_{i&lt;j} |W_ij| + sum_i |b_i|: a bound on |E(x)| and on |f_i(x)|.</summary>
    public double EnergyScale
    {
        get
        {
            var n = Model.Dimension;
            var scale = 0.0;
            for (var i = 0; i < n; i++)
            {
                scale += Math.Abs(Model.Biases[i]);
                for (var j = i + 1; j < n; j++) scale += Math.Abs(Model.Couplings[i, j]);
            }

            return scale;
        }
    }

    /// <summary>Value of a unit that is off.</summary>
    public double Low => Model.States == StateConvention.Binary ? 0.0 : -1.0;

    /// <summary>A machine with the same convention and the given parameters.</summary>
    public BoltzmannMachine With(Mat couplings, Vec biases) =>
        BoltzmannMachine.Create(couplings, biases, Model.States).Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model.States} n={Model.Dimension} W=[{string.Join(", ", Model.Couplings.Span.ToArray())}] b={Model.Biases} x=[{string.Join(", ", State)}] site={Site}";
}

/// <summary>Generators of small Boltzmann machines with parameters on a 1/1000 grid.</summary>
public static class BoltzmannArbitrary
{
    /// <summary>Machines of 1 to <paramref name="maxUnits"/> units, parameters in [-scale, scale].</summary>
    public static Gen<BoltzmannCase> Cases(int maxUnits, double scale, bool withBiases = true) =>
        from n in Gen.Choose(1, maxUnits)
        from spin in Gen.Elements(false, true)
        from upper in Gen.ArrayOf(Gen.Choose(-1000, 1000), n * (n - 1) / 2)
        from biases in Gen.ArrayOf(Gen.Choose(-1000, 1000), n)
        from bits in Gen.ArrayOf(Gen.Elements(false, true), n)
        from site in Gen.Choose(0, n - 1)
        select Build(n, spin ? StateConvention.Spin : StateConvention.Binary, upper, withBiases ? biases : new int[n], bits, site, scale / 1000.0);

    /// <summary>Machines of up to 8 units with parameters in [-2, 2].</summary>
    public static Arbitrary<BoltzmannCase> Case() => Arb.From(Cases(8, 2.0));

    private static BoltzmannCase Build(int n, StateConvention states, int[] upper, int[] biases, bool[] bits, int site, double step)
    {
        var couplings = Mat.Create(n, n, w =>
        {
            var k = 0;
            for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++, k++)
            {
                w[i * n + j] = upper[k] * step;
                w[j * n + i] = upper[k] * step;
            }
        });
        var model = BoltzmannMachine.Create(couplings, Vec.Create(n, b =>
        {
            for (var i = 0; i < n; i++) b[i] = biases[i] * step;
        }), states).Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));
        var low = states == StateConvention.Binary ? 0.0 : -1.0;
        return new BoltzmannCase(model, bits.Select(on => on ? 1.0 : low).ToArray(), site);
    }
}
