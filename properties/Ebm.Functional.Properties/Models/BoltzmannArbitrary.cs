using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Models;

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
