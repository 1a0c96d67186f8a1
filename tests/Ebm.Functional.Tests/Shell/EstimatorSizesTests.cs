using Ebm.Functional.Shell.Estimation;

namespace Ebm.Functional.Tests.Shell;

/// <summary>
/// The equal-cost recipes give every estimator about AIS's budget of N particles over K steps (N K c energy
/// evaluations, c per step of a particle): the counts are exact integer arithmetic, so the checks are exact.
/// </summary>
public sealed class EstimatorSizesTests
{
    [Theory]
    [InlineData(100, 1000, 2)]
    [InlineData(500, 200, 12)]
    [InlineData(3, 7, 2)]
    public void Importance_sampling_draws_as_many_proposals_as_ais_spends_evaluations_and_bridge_half_as_many(int n, int k, int c)
    {
        Assert.Equal(n * k * c, EstimatorSizes.ImportanceDraws(n, k, c));
        Assert.Equal(Math.Max(2, n * k * c / 2), EstimatorSizes.BridgeProposals(n, k, c));
    }

    [Fact]
    public void Counts_that_would_overflow_an_int_stop_at_half_of_int_max()
    {
        Assert.Equal(int.MaxValue / 2, EstimatorSizes.ImportanceDraws(10_000_000, 100_000_000, 12));
        Assert.Equal(int.MaxValue / 2, EstimatorSizes.BridgeProposals(10_000_000, 100_000_000, 12));
    }

    [Theory]
    [InlineData(1000, 14, 33, 100)]
    [InlineData(64, 2, 12, 100)]
    [InlineData(100_000, 32, 1515, 1515)]
    public void Thermodynamic_integration_places_k_over_64_intervals_and_about_k_moves_per_chain(int k, int intervals, int draws, int burnIn)
    {
        Assert.Equal(intervals, EstimatorSizes.TiIntervals(k));
        Assert.Equal(draws, EstimatorSizes.TiDraws(k));
        Assert.Equal(burnIn, EstimatorSizes.TiBurnIn(k));
        // Above the burn-in floor, the P + 1 points' recorded and burn-in moves add up to about K (rounding down).
        if (burnIn == draws) Assert.InRange((intervals + 1) * (draws + burnIn), k - 2 * (intervals + 1), k);
    }

    [Theory]
    [InlineData(100, 8, 50, 32)]
    [InlineData(1000, 8, 500, 125)]
    [InlineData(20, 8, 10, 20)]
    public void The_sandwich_splits_the_particles_and_smc_shares_them_among_its_runs(int n, int runs, int half, int perRun)
    {
        Assert.Equal(half, EstimatorSizes.SandwichHalf(n));
        Assert.Equal(perRun, EstimatorSizes.SmcParticlesPerRun(n, runs));
        Assert.True(perRun <= n);
    }

    [Fact]
    public void Small_budgets_keep_each_estimator_at_its_floor()
    {
        Assert.Equal(2, EstimatorSizes.SandwichHalf(1));
        Assert.Equal(8, EstimatorSizes.LinkedReplicas(10));
        Assert.Equal(100, EstimatorSizes.LinkedReplicas(1000));
        Assert.Equal(2, EstimatorSizes.PilotParticles(1));
        Assert.Equal("linear", EstimatorSizes.TiSchedule("adaptive"));
        Assert.Equal("linear", EstimatorSizes.TiSchedule("salakhutdinov-murray"));
        Assert.Equal("geometric", EstimatorSizes.TiSchedule("geometric"));
    }
}
