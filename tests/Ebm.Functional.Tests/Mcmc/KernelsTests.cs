using Ebm.Functional.Mcmc;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Combinators equal the manual application of their parts with the documented keys, and the loop
/// driver uses key.FoldIn(t) for step t. The test kernel is a random walk on the integers whose step is
/// read off the key, so any change of key shows in the result.
/// </summary>
public sealed class KernelsTests
{
    private static readonly KernelStep<long, long> Walk = (key, x) =>
    {
        var move = key.UniformAt(0) < 0.5 ? -1 : 1;
        return (x + move, move);
    };

    private static readonly KernelStep<long, long> Double = (_, x) => (2 * x, 0);

    [Fact]
    public void Sequence_is_the_first_kernel_then_the_second_with_folded_keys()
    {
        var key = RngKey.FromSeed(7);
        var (state, (first, _)) = Kernels.Sequence(Walk, Double)(key, 5);
        var (manual, move) = Walk(key.FoldIn(0), 5);
        Assert.Equal(2 * manual, state);
        Assert.Equal(move, first);
    }

    [Fact]
    public void Repeat_and_thin_equal_manual_application()
    {
        var key = RngKey.FromSeed(11);
        var x = 0L;
        var moves = new List<long>();
        for (var t = 0; t < 6; t++)
        {
            (x, var m) = Walk(key.FoldIn(t), x);
            moves.Add(m);
        }

        var (repeated, infos) = Kernels.Repeat(Walk, 6)(key, 0);
        Assert.Equal(x, repeated);
        Assert.Equal(moves, infos.ToList());
        var (thinned, last) = Kernels.Thin(Walk, 6)(key, 0);
        Assert.Equal(x, thinned);
        Assert.Equal(moves[^1], last);
    }

    [Fact]
    public void Cycle_applies_each_kernel_once_in_order()
    {
        var key = RngKey.FromSeed(3);
        var (state, infos) = Kernels.Cycle(Walk, Double, Walk)(key, 1);
        var (a, _) = Walk(key.FoldIn(0), 1);
        var (b, _) = Double(key.FoldIn(1), a);
        var (c, _) = Walk(key.FoldIn(2), b);
        Assert.Equal(c, state);
        Assert.Equal(3, infos.Count);
    }

    [Fact]
    public void Mixture_chooses_with_the_stated_probabilities()
    {
        // 20,000 choices with p = 0.25: the standard error of the frequency is sqrt(p(1-p)/n) = 0.0031;
        // a deviation over 5 standard errors has probability below 6e-7 (delta).
        const int n = 20_000;
        var mixture = Kernels.Mixture([1.0, 3.0], [Double, Walk]);
        var root = RngKey.FromSeed(5);
        var firstChosen = Enumerable.Range(0, n).Count(i => mixture(root.FoldIn(i), 1).Info.Chosen == 0);
        Assert.InRange(firstChosen / (double)n, 0.25 - 5 * 0.0031, 0.25 + 5 * 0.0031);
    }

    [Fact]
    public void Scan_uses_key_fold_in_t_for_step_t_and_records_every_step()
    {
        var key = RngKey.FromSeed(13);
        var (final, trace) = Loop.Scan(key, 0L, 50, Walk, (s, _) => s);
        var x = 0L;
        for (var t = 0; t < 50; t++)
        {
            (x, _) = Walk(key.FoldIn(t), x);
            Assert.Equal(x, trace[t]);
        }

        Assert.Equal(x, final);
        Assert.Equal(final, Loop.Run(key, 0L, 50, Walk));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Kernels.Cycle<long, long>());
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Repeat(Walk, 0));
        Assert.Throws<ArgumentException>(() => Kernels.Mixture([1.0, -1.0], [Walk, Walk]));
    }
}
