using Ebm.Functional.Mcmc;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// A composition's cost is derived from its parts' (sum for a sequence, cycle, repetition or thinning; the expected
/// cost for a mixture), and the costed combinators run exactly the kernels of the plain ones (same keys, same bits).
/// </summary>
public sealed class CostedKernelTests
{
    private static readonly KernelStep<long, long> Walk = (key, x) =>
    {
        var move = key.UniformAt(0) < 0.5 ? -1 : 1;
        return (x + move, move);
    };

    private static readonly KernelStep<long, long> Double = (_, x) => (2 * x, 0);

    private static readonly CostedKernel<long, long> CheapWalk = Kernels.WithCost(Walk, 1);

    private static readonly CostedKernel<long, long> DearDouble = Kernels.WithCost(Double, 10);

    [Fact]
    public void The_cost_of_a_composition_is_derived_from_its_parts()
    {
        Assert.Equal(11, Kernels.Sequence(CheapWalk, DearDouble).Evaluations);
        Assert.Equal(12, Kernels.Cycle(CheapWalk, DearDouble, CheapWalk).Evaluations);
        Assert.Equal(5, Kernels.Repeat(CheapWalk, 5).Evaluations);
        Assert.Equal(30, Kernels.Thin(DearDouble, 3).Evaluations);
        Assert.Equal(10, Kernels.MapInfo(DearDouble, i => i.ToString()).Evaluations);
        // Weights 1 and 3: 1/4 of the steps cost 1, 3/4 cost 10, 7.75 on average.
        Assert.Equal(7.75, Kernels.Mixture([1.0, 3.0], [CheapWalk, DearDouble]).Evaluations);
        // Five walks then a doubling, twice: 2 x (5 + 10).
        Assert.Equal(30, Kernels.Repeat(Kernels.Sequence(Kernels.Repeat(CheapWalk, 5), DearDouble), 2).Evaluations);
    }

    [Fact]
    public void Costed_combinators_run_the_plain_combinators_kernels()
    {
        var root = RngKey.FromSeed(23);
        for (var i = 0; i < 10; i++)
        {
            var key = root.FoldIn(i);
            Assert.Equal(Kernels.Sequence(Walk, Double)(key, 3), Kernels.Sequence(CheapWalk, DearDouble).Step(key, 3));
            Assert.Equal(Kernels.Repeat(Walk, 4)(key, 3), Kernels.Repeat(CheapWalk, 4).Step(key, 3));
            Assert.Equal(Kernels.Cycle(Walk, Double)(key, 3), Kernels.Cycle(CheapWalk, DearDouble).Step(key, 3));
            Assert.Equal(Kernels.Thin(Walk, 3)(key, 3), Kernels.Thin(CheapWalk, 3).Step(key, 3));
            Assert.Equal(Kernels.Mixture([1.0, 2.0], [Walk, Double])(key, 3), Kernels.Mixture([1.0, 2.0], [CheapWalk, DearDouble]).Step(key, 3));
        }
    }

    [Fact]
    public void A_cost_that_is_not_positive_and_finite_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.WithCost(Walk, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.WithCost(Walk, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.WithCost(Walk, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => Kernels.Mixture([1.0], [CheapWalk, DearDouble]));
    }
}
