using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Mcmc.Tempering;

/// <summary>Generators of <see cref="TemperingCase"/>: product spaces of at most 2^9 states; the ladder starts at beta = 0 in one case of four.</summary>
public static class TemperingArbitrary
{
    /// <summary>Random Boltzmann machines (both conventions, parameters in [-1.5, 1.5]) with random ladders.</summary>
    public static Arbitrary<TemperingCase> Case() => Arb.From(
        from machine in BoltzmannArbitrary.Cases(3, 1.5).Where(c => c.Model.Dimension >= 2)
        from rungs in Gen.Choose(2, 3)
        from first in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 500)))
        from gaps in Gen.ArrayOf(Gen.Choose(1, 1000), rungs - 1)
        select new TemperingCase(machine.Model, Ladder(first, gaps), machine.ToString()));

    private static double[] Ladder(int first, int[] gaps)
    {
        var betas = new double[gaps.Length + 1];
        betas[0] = first / 1000.0;
        for (var k = 0; k < gaps.Length; k++) betas[k + 1] = betas[k] + gaps[k] / 1000.0;
        return betas;
    }
}
