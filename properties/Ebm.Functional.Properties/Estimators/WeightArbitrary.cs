using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>Generators of <see cref="WeightCase"/>: integer weights 0..12 or on a 1/997 grid, at least one positive.</summary>
public static class WeightArbitrary
{
    /// <summary>The generator.</summary>
    public static Arbitrary<WeightCase> Case() => Arb.From(
        from length in Gen.Choose(1, 6)
        from fine in Gen.Elements(false, true)
        from raw in Gen.ArrayOf(Gen.Choose(0, fine ? 997 : 12), length).Where(w => w.Any(x => x > 0))
        from count in Gen.Choose(1, 8)
        select new WeightCase(raw.Select(x => fine ? x / 997.0 : x).ToArray(), count));
}
