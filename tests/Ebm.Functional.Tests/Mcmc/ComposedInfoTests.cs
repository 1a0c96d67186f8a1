using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// The infos of Sequence, Cycle, Repeat and Mixture report what a plain kernel's info reports: acceptance as the mean
/// over the moves (nested compositions weighted by their moves), numerical failures as the sum, moves without an
/// acceptance left out. The test kernels are deterministic and report fixed rates, so every expected number is exact.
/// </summary>
public sealed class ComposedInfoTests
{
    private sealed record Rated(Vec AcceptanceRates, int NumericalFailures) : IAcceptanceInfo, INumericalFailureInfo;

    private sealed record AcceptanceOnly(Vec AcceptanceRates) : IAcceptanceInfo;

    /// <summary>A kernel over two chains that reports the given rates and failures and counts its applications in the state.</summary>
    private static KernelStep<int, Rated> Reporting(double first, double second, int failures = 0) =>
        (_, n) => (n + 1, new Rated(Vec.Of(first, second), failures));

    private static readonly KernelStep<int, string> Silent = (_, n) => (n + 1, "no acceptance here");

    private static readonly RngKey Key = RngKey.FromSeed(17);

    [Fact]
    public void A_sequence_of_a_repetition_and_a_move_reports_the_mean_over_its_six_moves()
    {
        var step = Kernels.Sequence(Kernels.Repeat(Reporting(0.5, 0.25, failures: 1), 5), Reporting(1.0, 1.0, failures: 2));
        var (state, info) = step(Key, 0);

        Assert.Equal(6, state);
        Assert.Equal(6, info.Moves);
        // (5 x 0.5 + 1) / 6 and (5 x 0.25 + 1) / 6: each move weighs the same, however deeply it is nested.
        Assert.Equal(Vec.Of(3.5 / 6, 2.25 / 6), info.AcceptanceRates);
        Assert.Equal(5 * 1 + 2, info.NumericalFailures);
        Assert.Equal(5, info.First.Count);
    }

    [Fact]
    public void A_cycle_reports_the_mean_of_its_kernels_and_a_mixture_the_chosen_one()
    {
        var (_, cycle) = Kernels.Cycle(Reporting(0.25, 0.5), Reporting(0.5, 1.0), Reporting(0.75, 0.0))(Key, 0);
        Assert.Equal(3, cycle.Moves);
        Assert.Equal(Vec.Of(0.5, 0.5), cycle.AcceptanceRates);

        // 20 steps choose between two kernels with probability 1/2 each: both are chosen but with probability 2^-19.
        var mixture = Kernels.Mixture([1.0, 1.0], [Reporting(0.1, 0.2, failures: 3), Reporting(0.9, 0.8)]);
        var chosen = new HashSet<int>();
        for (var i = 0; i < 20; i++)
        {
            var (_, info) = mixture(Key.FoldIn(i), 0);
            chosen.Add(info.Chosen);
            Assert.Equal(info.Chosen == 0 ? Vec.Of(0.1, 0.2) : Vec.Of(0.9, 0.8), info.AcceptanceRates);
            Assert.Equal(info.Chosen == 0 ? 3 : 0, info.NumericalFailures);
            Assert.Equal(1, info.Moves);
        }

        Assert.Equal(2, chosen.Count);
    }

    [Fact]
    public void Moves_without_acceptance_are_left_out_and_without_any_the_rates_are_empty()
    {
        var (_, mixed) = Kernels.Cycle(
            Kernels.MapInfo(Reporting(0.3, 0.6), i => (object)i), Kernels.MapInfo(Silent, i => (object)i))(Key, 0);
        Assert.Equal(2, mixed.Moves);
        Assert.Equal(Vec.Of(0.3, 0.6), mixed.AcceptanceRates);
        Assert.Equal(0, mixed.NumericalFailures);

        var (_, silent) = Kernels.Repeat(Silent, 3)(Key, 0);
        Assert.Equal(Vec.Empty, silent.AcceptanceRates);
        Assert.Equal(0, silent.NumericalFailures);
    }

    [Fact]
    public void A_part_without_failure_counts_adds_none_and_parts_of_different_batches_are_refused()
    {
        KernelStep<int, AcceptanceOnly> plain = (_, n) => (n, new AcceptanceOnly(Vec.Of(0.5, 0.5)));
        var (_, info) = Kernels.Sequence(plain, Reporting(1.0, 1.0, failures: 4))(Key, 0);
        Assert.Equal(4, info.NumericalFailures);
        Assert.Equal(Vec.Of(0.75, 0.75), info.AcceptanceRates);

        KernelStep<int, AcceptanceOnly> threeChains = (_, n) => (n, new AcceptanceOnly(Vec.Of(1, 1, 1)));
        var (_, bad) = Kernels.Sequence(plain, threeChains)(Key, 0);
        Assert.Throws<InvalidOperationException>(() => bad.AcceptanceRates);
    }

    [Fact]
    public void A_composed_kernel_is_an_acceptance_and_failure_info_wherever_one_is_required()
    {
        // The annealing paths and the estimators take KernelStep<TState, IAcceptanceInfo>.
        KernelStep<int, IAcceptanceInfo> asPlain = Kernels.MapInfo(Kernels.Repeat(Reporting(0.5, 1.0, failures: 1), 2), i => (IAcceptanceInfo)i);
        var (_, info) = asPlain(Key, 0);
        Assert.Equal(Vec.Of(0.5, 1.0), info.AcceptanceRates);
        Assert.Equal(2, Assert.IsAssignableFrom<INumericalFailureInfo>(info).NumericalFailures);
    }
}
