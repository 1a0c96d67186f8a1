using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>The README's density-of-states example, verbatim, against Kaufman's exact log Z and C.</summary>
public sealed class WangLandauReadmeTests
{
    /// <summary>
    /// Four walkers: (estimate - exact) / error follows Student's t with 3 degrees of freedom; the bound is its quantile
    /// at 1 - 0.001 / 12, a two-sided test at delta = 0.001 with Bonferroni over 2 quantities at 3 betas.
    /// </summary>
    private static readonly double Bound = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 3, 1 - 0.001 / 12);

    private static Fin<Seq<ThermoPoint>> Example() =>
        from model in IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic)
            .Match(Succ: FinSucc, Fail: errors => FinFail<IsingModel>(errors.Head))
        from density in WangLandau.Run(RngKey.FromSeed(7), model, new WangLandauSettings { Walkers = 4, FinalLogF = 1e-6 })
        from thermo in density.Thermodynamics([0.2, 0.4406868, 1.0])
        select thermo;

    [Fact]
    public void The_readme_example_matches_kaufman()
    {
        var model = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var points = Example().Match(p => p, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(3, points.Count);
        foreach (var point in points)
        {
            var exact = Kaufman.Compute(model, point.Beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
            Assert.True(Math.Abs(point.LogZ.Value - exact.LogZ) <= Bound * point.LogZ.Error, $"log Z at {point.Beta}: {point.LogZ} against {exact.LogZ}");
            Assert.True(Math.Abs(point.HeatCapacity.Value - exact.HeatCapacity) <= Bound * point.HeatCapacity.Error, $"C at {point.Beta}: {point.HeatCapacity} against {exact.HeatCapacity}");
            Assert.True(point.LogZ.Error is > 0 and < 0.01, $"log Z error {point.LogZ.Error}");
        }
    }
}
