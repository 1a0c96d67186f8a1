using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using MathNet.Numerics.Distributions;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// One SMC run in blocks (<see cref="SmcBlocks"/>, <see cref="SmcCoordinator"/>): one block gives <see cref="Smc.RunOnce{TState}"/>'s
/// bits; several blocks resample globally, moving only the particles that change block, and land on the exact log Z.
/// </summary>
public sealed class SmcBlocksTests
{
    /// <summary>Independent blocked runs in the exact-answer test.</summary>
    private const int Runs = 8;

    /// <summary>
    /// The probability that the exact-answer test fails although the estimator is right: the mean of <see cref="Runs"/>
    /// independent runs over the standard error of their spread is Student t with R − 1 = 7 degrees of freedom (the
    /// adaptive schedule's O(1/N) bias is negligible at N = 3,000), so the bound is its 1 − δ/2 quantile (k = 7.65).
    /// </summary>
    private const double FalseFailure = 1e-4;

    private static SmcOptions Options(int particles, AnnealingSchedule? schedule, double threshold = 0.5, ResamplingScheme scheme = ResamplingScheme.Systematic) =>
        Valid(SmcOptions.Create(particles, schedule, 0.9, threshold, scheme, 1, 1));

    private static AnnealingPath<RbmAnnealingState> RbmPath()
    {
        var model = RbmTestModels.Bernoulli(10, 6, 1.0, 1.0, 11UL);
        return Valid(Paths.RbmBaseRate(model, Vec.Zeros(model.Visible), 1.0));
    }

    public static TheoryData<string, string, double> OneBlockCases => new()
    {
        { "ising", "linear", 0.5 }, { "ising", "linear", 1.0 }, { "ising", "adaptive", 0.5 },
        { "rbm", "linear", 0.5 }, { "rbm", "linear", 1.0 }, { "rbm", "adaptive", 0.5 },
    };

    [Theory]
    [MemberData(nameof(OneBlockCases))]
    public void One_block_gives_the_bits_of_the_unblocked_run(string model, string schedule, double threshold)
    {
        var fixedSchedule = schedule == "linear" ? Valid(AnnealingSchedule.Linear(30)) : null;
        var options = Options(700, fixedSchedule, threshold);
        var key = RngKey.FromSeed(31);
        if (model == "ising") Same(Valid(Smc.RunOnce(key, SmcTestSupport.Torus().Path, options)), Valid(SmcBlocks.Run(key, SmcTestSupport.Torus().Path, options)));
        else Same(Valid(Smc.RunOnce(key, RbmPath(), options)), Valid(SmcBlocks.Run(key, RbmPath(), options)));
    }

    [Theory]
    [InlineData("linear", ResamplingScheme.Systematic)]
    [InlineData("linear", ResamplingScheme.Multinomial)]
    [InlineData("adaptive", ResamplingScheme.Residual)]
    public void Several_blocks_resample_globally_moving_only_particles_that_change_block(string schedule, ResamplingScheme scheme)
    {
        var (path, _) = SmcTestSupport.Torus();
        var options = Options(3000, schedule == "linear" ? Valid(AnnealingSchedule.Linear(30)) : null, 1.0, scheme);
        var key = RngKey.FromSeed(32);
        var host = new Recording(new SmcMemoryBlocks<Ebm.Functional.Mcmc.Lattice.IsingChains>(key, path, options));
        var run = Valid(SmcCoordinator.Run(key, path, options, host));
        Assert.Equal(run.Schedule.Steps - 1, run.ResamplingEvents);
        Assert.Equal(run.ResamplingEvents, host.Plans.Count);
        Assert.All(host.Plans, plan => Assert.Equal(3, plan.Blocks.Count));
        Assert.Contains(host.Plans, plan => plan.Travelling > 0);
        Assert.All(host.Plans, plan => Assert.True(plan.Travelling < plan.Particles, "resampling at every step keeps most particles where they are"));
        var again = Valid(SmcBlocks.Run(key, path, options));
        Assert.Equal(run, again);
    }

    [Fact]
    public void Fetching_bisection_points_ahead_changes_the_requests_but_not_the_bits()
    {
        var (path, _) = SmcTestSupport.Torus();
        var options = Options(3000, null);
        var key = RngKey.FromSeed(35);
        var one = new Recording(new SmcMemoryBlocks<Ebm.Functional.Mcmc.Lattice.IsingChains>(key, path, options));
        var ahead = new Recording(new SmcMemoryBlocks<Ebm.Functional.Mcmc.Lattice.IsingChains>(key, path, options), 4);
        var reference = Valid(SmcCoordinator.Run(key, path, options, one));
        Assert.Equal(reference, Valid(SmcCoordinator.Run(key, path, options, ahead)));
        Assert.True(ahead.Requests * 3 < one.Requests, $"{ahead.Requests} requests fetching ahead, {one.Requests} one point at a time");
    }

    [Theory]
    [InlineData(ResamplingScheme.Multinomial, 3000)]
    [InlineData(ResamplingScheme.Systematic, 3000)]
    [InlineData(ResamplingScheme.Residual, 2049)]
    [InlineData(ResamplingScheme.Stratified, 1024)]
    public void A_transfer_plan_gives_every_particle_its_ancestor_and_moves_only_particles_that_change_block(ResamplingScheme scheme, int particles)
    {
        var path = SmcTestSupport.Machine().Path;
        var key = RngKey.FromSeed(33);
        // Skewed weights: a few particles get many copies, which then travel to other blocks.
        var weights = Enumerable.Range(0, particles).Select(i => Math.Exp(4.0 * key.FoldIn(1).UniformAt(i))).ToArray();
        var ancestors = Valid(Resampling.Ancestors(key, scheme, weights, particles));
        var plan = SmcTransferPlan.Of(particles, ancestors);
        var blocks = Enumerable.Range(0, SmcBlocks.Count(particles)).Select(b => Labelled(SmcBlocks.Offset(b), SmcBlocks.Length(particles, b))).ToArray();
        var travelling = 0;
        foreach (var transfer in plan.Blocks)
        {
            var d = transfer.Block;
            var received = transfer.Requests.Select(r => SmcBlocks.Take(path, blocks[r.Source], r.Slots)).ToArray();
            var moved = Valid(SmcBlocks.Apply(path, blocks[d], transfer, received));
            for (var j = 0; j < SmcBlocks.Length(particles, d); j++) Assert.Equal(ancestors[SmcBlocks.Offset(d) + j], (int)moved.States[j, 0]);
            var foreign = transfer.Ancestors.Where(a => a / SmcBlocks.Size != d).Distinct().OrderBy(a => a).ToArray();
            Assert.DoesNotContain(transfer.Requests, r => r.Source == d);
            Assert.Equal(foreign, transfer.Requests.SelectMany(r => r.Slots.Select(s => SmcBlocks.Offset(r.Source) + s)).ToArray());
            travelling += foreign.Length;
        }

        Assert.Equal(travelling, plan.Travelling);
        foreach (var source in Enumerable.Range(0, plan.Blocks.Count))
            Assert.Equal(plan.Blocks.Sum(t => t.Requests.Where(r => r.Source == source).Sum(r => r.Slots.Length)), plan.Outgoing(source).Sum(o => o.Slots.Length));
    }

    [Fact]
    public void Particles_that_stay_in_their_block_never_travel()
    {
        var identity = Enumerable.Range(0, 3000).ToArray();
        var plan = SmcTransferPlan.Of(3000, identity);
        Assert.Equal(0, plan.Travelling);
        Assert.All(plan.Blocks, b => Assert.Empty(b.Requests));
        Assert.All(plan.Blocks, b => Assert.Equal(Enumerable.Range(0, SmcBlocks.Length(3000, b.Block)), b.Rows));
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("adaptive")]
    public void Several_blocks_land_on_the_exact_log_z_of_an_ising_torus(string schedule)
    {
        var (path, exact) = SmcTestSupport.Torus();
        // The fixed schedule resamples at every step (its ESS never falls below half), adaptive tempering when the ESS halves.
        var options = schedule == "linear" ? Options(3000, Valid(AnnealingSchedule.Linear(40)), 1.0) : Options(3000, null);
        var runs = Enumerable.Range(0, Runs).Select(r => Valid(SmcBlocks.Run(RngKey.FromSeed(34).FoldIn(r), path, options)).ToRepetition()).ToArray();
        Assert.All(runs, r => Assert.True(r.ResamplingEvents > 0));
        var combined = Smc.Combine(runs).Estimate;
        var bound = StudentT.InvCDF(0.0, 1.0, Runs - 1, 1.0 - FalseFailure / 2);
        Assert.InRange(combined.LogZ, exact - bound * combined.StandardError, exact + bound * combined.StandardError);
    }

    /// <summary>The README's example, as written there: three blocks of the 4 × 4 torus at β = 0.3, adaptive tempering.</summary>
    [Fact]
    public void The_readme_example_runs_three_blocks_to_the_end_of_the_path()
    {
        var torus = Torus(4);
        var result =
            from path in Paths.Tempered(torus, 0.3, b => Checkerboard.Create(torus, b, CheckerboardUpdate.HeatBath).Step)
            from options in SmcOptions.Create(particles: 3000, repetitions: 1)
            from run in SmcBlocks.Run(RngKey.FromSeed(7), path, options)
            select run;
        var text = result.Match(
            Succ: run => $"log Z {run.Estimate.LogZ} after {run.Schedule.Steps} steps, {run.ResamplingEvents} resamplings",
            Fail: errors => string.Join("; ", errors));
        Assert.StartsWith("log Z ", text);
        Assert.Equal(1.0, Valid(result).Schedule.Points[^1]);
    }

    private static DiscreteChains Labelled(int offset, int count) =>
        new(Mat.Create(count, 1, d =>
        {
            for (var i = 0; i < count; i++) d[i] = offset + i;
        }), Vec.Zeros(count));

    private static void Same<TState>(SmcRun<TState> reference, SmcBlockedRun blocked)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Estimate.LogZ), BitConverter.DoubleToInt64Bits(blocked.Estimate.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Estimate.Ess), BitConverter.DoubleToInt64Bits(blocked.Estimate.Ess));
        Assert.Equal(reference.ResamplingEvents, blocked.ResamplingEvents);
        Assert.True(reference.Schedule.Points.Span.SequenceEqual(blocked.Schedule.Points.Span));
        Assert.True(reference.ConditionalEss.Span.SequenceEqual(blocked.ConditionalEss.Span));
        Assert.Equal(reference.Estimate, blocked.Estimate);
    }

    /// <summary>A host that records every resampling plan and every log-density request it is given, fetching <paramref name="lookahead"/> halvings ahead.</summary>
    private sealed class Recording(ISmcBlockHost inner, int lookahead = 1) : ISmcBlockHost
    {
        public List<SmcTransferPlan> Plans { get; } = [];

        public int Requests { get; private set; }

        public int BisectionLookahead => lookahead;

        public Fin<Unit> Start() => inner.Start();

        public Fin<Vec[]> LogDensities(IReadOnlyList<double> points)
        {
            Requests++;
            return inner.LogDensities(points);
        }

        public Fin<Seq<IAcceptanceInfo>> Advance(int step, double point, SmcTransferPlan? plan)
        {
            if (plan is not null) Plans.Add(plan);
            return inner.Advance(step, point, plan);
        }
    }
}
