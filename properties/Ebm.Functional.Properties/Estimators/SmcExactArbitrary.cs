using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>Generators of <see cref="SmcExactCase"/>.</summary>
public static class SmcExactArbitrary
{
    /// <summary>Machines of 2 or 3 units, at most 64 configurations of all particles (at most 16 with 3 steps).</summary>
    public static Arbitrary<SmcExactCase> Case() => Arb.From(Cases(
        BoltzmannArbitrary.Cases(3, 1.5).Where(c => c.Model.Dimension >= 2),
        (configurations, _, steps) => configurations <= 64 && (steps == 2 || configurations <= 16)));

    /// <summary>
    /// Cases over <paramref name="machines"/>: beta in [0.1, 2], 2 or 3 particles, 2 or 3 steps at <see cref="Points"/>, every
    /// resampling scheme, the threshold 0 (never resample), 0.5 or 1 (always); kept where <paramref name="fits"/> accepts
    /// (the number S^N of configurations of all N particles, N, the number of steps).
    /// </summary>
    public static Gen<SmcExactCase> Cases(Gen<BoltzmannCase> machines, Func<double, int, int, bool> fits) =>
        from machine in machines
        from beta in Gen.Choose(100, 2000)
        from particles in Gen.Choose(2, 3)
        from steps in Gen.Choose(2, 3)
        from points in Points(steps)
        from scheme in Gen.Elements(Enum.GetValues<ResamplingScheme>())
        from threshold in Gen.Elements(0.0, 0.5, 1.0)
        where fits(Math.Pow(1 << machine.Model.Dimension, particles), particles, steps)
        select new SmcExactCase(machine.Model, beta / 1000.0, points, particles, scheme, threshold, machine.ToString());

    /// <summary>A schedule of <paramref name="steps"/> steps: 0, then distinct multiples of 1/1000 in increasing order, then 1.</summary>
    public static Gen<double[]> Points(int steps) =>
        from cuts in Gen.ArrayOf(Gen.Choose(1, 999), steps - 1)
        where cuts.Distinct().Count() == cuts.Length
        select (double[])[0.0, .. cuts.Order().Select(c => c / 1000.0), 1.0];
}
