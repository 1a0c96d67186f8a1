using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>Spin-glass instances: their structure exactly, their bond statistics within stated standard errors, their seeds.</summary>
public sealed class SpinGlassesTests
{
    [Fact]
    public void Sherrington_kirkpatrick_bonds_are_symmetric_normal_with_variance_one_over_n()
    {
        // n = 200 gives 19,900 bonds J_ij sqrt(n) ~ N(0, 1): the mean's standard error is 1/sqrt(19900) = 0.0071 and the
        // variance's sqrt(2/19900) = 0.010; both are checked at 4 standard errors (two-sided delta 6e-5 each).
        const int n = 200;
        var model = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(12), n));
        Assert.Equal(StateConvention.Spin, model.States);
        Assert.All(model.Biases.ToArray(), b => Assert.Equal(0.0, b));
        var scaled = new List<double>();
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(0.0, model.Couplings[i, i]);
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(model.Couplings[i, j], model.Couplings[j, i]);
                scaled.Add(model.Couplings[i, j] * Math.Sqrt(n));
            }
        }

        var mean = scaled.Average();
        var variance = scaled.Sum(x => (x - mean) * (x - mean)) / (scaled.Count - 1);
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(scaled.Count), $"mean {mean}");
        Assert.True(Math.Abs(variance - 1) < 4 * Math.Sqrt(2.0 / scaled.Count), $"variance {variance}");
    }

    [Fact]
    public void An_instance_is_a_function_of_its_key()
    {
        var a = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(3), 10));
        var b = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(3), 10));
        var c = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(4), 10));
        Assert.Equal(a.Couplings.Span.ToArray(), b.Couplings.Span.ToArray());
        Assert.NotEqual(a.Couplings.Span.ToArray(), c.Couplings.Span.ToArray());
        Assert.Equal(RngKey.FromSeed(3).NormalAt(1 * 10 + 2) / Math.Sqrt(10), a.Couplings[1, 2]);
    }

    [Fact]
    public void Edwards_anderson_plus_minus_one_couples_each_site_to_its_four_torus_neighbours()
    {
        const int side = 5;
        var model = Valid(SpinGlasses.EdwardsAnderson(RngKey.FromSeed(6), side, SpinGlassBonds.PlusMinusOne));
        Assert.Equal(25, model.Dimension);
        var plus = 0;
        for (var site = 0; site < 25; site++)
        {
            int r = site / side, c = site % side;
            int[] neighbours = [r * side + (c + 1) % side, r * side + (c + side - 1) % side, (r + 1) % side * side + c, (r + side - 1) % side * side + c];
            for (var other = 0; other < 25; other++)
            {
                var bond = model.Couplings[site, other];
                if (neighbours.Contains(other)) Assert.True(bond is 1.0 or -1.0, $"bond {site}-{other} = {bond}");
                else Assert.Equal(0.0, bond);
                if (bond > 0) plus++;
            }
        }

        // 50 bonds, each +1 with probability 1/2: at least one of each sign (failure probability 2^-49).
        Assert.InRange(plus / 2, 1, 49);
        Assert.Equal(model.Couplings[0, 1], RngKey.FromSeed(6).UniformAt(0) < 0.5 ? -1.0 : 1.0);
    }

    [Fact]
    public void Edwards_anderson_on_a_side_of_two_adds_the_two_bonds_of_each_pair()
    {
        var key = RngKey.FromSeed(2);
        var model = Valid(SpinGlasses.EdwardsAnderson(key, 2, SpinGlassBonds.Gaussian));
        // Sites 0 and 1 share row 0: the right bond of site 0 (draw 0) and of site 1 (draw 2, wrapping to site 0).
        Assert.Equal(key.NormalAt(0) + key.NormalAt(2), model.Couplings[0, 1], 1e-15);
        // Sites 0 and 2 share column 0: the down bonds of site 0 (draw 1) and site 2 (draw 5).
        Assert.Equal(key.NormalAt(1) + key.NormalAt(5), model.Couplings[0, 2], 1e-15);
        Assert.Equal(0.0, model.Couplings[0, 3]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65)]
    public void Sides_outside_the_dense_limit_are_refused(int side) =>
        Assert.Equal(SimulatedAnnealingErrors.InvalidInstanceCode, Failures(SpinGlasses.EdwardsAnderson(RngKey.FromSeed(1), side, SpinGlassBonds.Gaussian)).Head.Code);

    [Fact]
    public void Fewer_than_two_spins_are_refused() =>
        Assert.Contains("2 to 4096 spins, not 1", Failures(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(1), 1)).Head.Message);
}
