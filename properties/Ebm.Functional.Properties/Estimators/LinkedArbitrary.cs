using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>Generators of <see cref="LinkedCase"/>.</summary>
public static class LinkedArbitrary
{
    /// <summary>The generator.</summary>
    public static Arbitrary<LinkedCase> Case() => Arb.From(
        from machine in BoltzmannArbitrary.Cases(2, 1.5).Where(c => c.Model.Dimension == 2)
        from beta in Gen.Choose(100, 2000)
        from steps in Gen.Choose(1, 2)
        from points in SmcExactArbitrary.Points(steps)
        from length in Gen.Choose(1, steps == 1 ? 3 : 2)
        select new LinkedCase(
            new SmcExactCase(machine.Model, beta / 1000.0, points, 1, default, 0, machine.ToString()), length));
}
