using Ebm.Functional.Catalogue;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.TestModels;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using static LanguageExt.Prelude;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Catalogue;

/// <summary>
/// The kernel catalogue is one consistent table: each model's annealing kernels are exactly its sampling kernels
/// without a stated refusal, every name is a catalogue name, costs are counted as the estimators count them, exact
/// draws are listed where the exact samplers exist, and the reversibility it claims holds exactly.
/// </summary>
public sealed class KernelCatalogTests
{
    public static TheoryData<string> TableKinds => new(KernelCatalog.Tables.Map(t => $"{t.ModelKind}:{t.Kernels.Count}"));

    [Theory]
    [MemberData(nameof(TableKinds))]
    public void A_table_anneals_with_exactly_the_kernels_that_carry_no_refusal(string kind)
    {
        var table = KernelCatalog.Tables.Find(t => $"{t.ModelKind}:{t.Kernels.Count}" == kind).IfNone(() => throw new InvalidOperationException(kind));
        Assert.Equal(
            table.Kernels.Filter(k => k.Anneals).Map(k => k.Kernel).OrderBy(n => n, StringComparer.Ordinal),
            table.PathOrder.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(table.PathOrder.Count, table.PathOrder.Distinct().Count());
        Assert.All(table.Kernels, k => Assert.Contains(k.Kernel, KernelCatalog.Names));
        Assert.All(table.Kernels.Filter(k => !k.Anneals), k => Assert.False(string.IsNullOrWhiteSpace(k.PathRefusal)));
    }

    [Fact]
    public void Every_catalogue_name_samples_some_kind_of_model()
    {
        Assert.Equal(KernelCatalog.Names.OrderBy(n => n, StringComparer.Ordinal),
            KernelCatalog.Tables.Bind(t => t.Sampling).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { "gibbs", "metropolis", "checkerboard", "wolff", "swendsen-wang", "block-gibbs", "mala", "hmc" }, KernelCatalog.AnnealingNames.ToArray());
    }

    [Fact]
    public void Approximate_kernels_never_drive_an_annealing_path()
    {
        // An estimator's weights assume every move leaves its f_t exactly invariant.
        Assert.All(KernelCatalog.Tables.Bind(t => t.Kernels).Filter(k => k.PathInvariance == KernelInvariance.Approximate),
            k => Assert.False(k.Anneals, k.Kernel));
        Assert.Contains(KernelCatalog.Continuous.Kernels, k => k.Kernel == "langevin" && !k.Anneals);
    }

    [Fact]
    public void The_kinds_of_model_get_their_kernels_default_first()
    {
        Assert.Equal(new[] { "hmc", "mala", "metropolis" }, KernelCatalog.For(Isotropic(2)).Annealing.ToArray());
        Assert.Equal(new[] { "metropolis", "langevin", "mala", "hmc", "pt", "nuts" }, KernelCatalog.For(Isotropic(2)).Sampling.ToArray());
        var torus = Torus(4, 0.5);
        Assert.Equal(new[] { "checkerboard", "gibbs", "metropolis", "wolff", "swendsen-wang" }, KernelCatalog.For(torus).Annealing.ToArray());
        Assert.Equal(new[] { "gibbs", "metropolis", "wolff", "swendsen-wang" }, KernelCatalog.For(torus).ReversibleOnPath.ToArray());
        Assert.Equal(new[] { "gibbs", "metropolis" }, KernelCatalog.For(torus).OnAnyEnergy.ToArray());
        var field = Valid(IsingModel.Create(3, 3, 1.0, 0.2, Boundary.Periodic));
        Assert.Equal(new[] { "gibbs", "metropolis", "checkerboard", "pt" }, KernelCatalog.For(field).Sampling.ToArray());
        var ring = new TripletRing(5, 0.7, 0.1, StateConvention.Binary);
        Assert.Equal(new[] { "gibbs", "metropolis", "pt" }, KernelCatalog.For(ring).Sampling.ToArray());
        Assert.Equal("triplet-ring", KernelCatalog.For(ring).ModelKind);
    }

    [Fact]
    public void A_gaussian_bernoulli_rbm_is_sampled_and_annealed_by_block_gibbs_which_linked_is_cannot_use()
    {
        var gbrbm = Valid(GaussianBernoulliRbm.Create(Mat.Create(2, 2, w => w.Fill(0.1)), Vec.Zeros(2), Vec.Zeros(2), Vec.Filled(2, 1.0)));
        var kernels = KernelCatalog.For(gbrbm);
        Assert.Equal(new[] { "block-gibbs" }, kernels.Sampling.ToArray());
        Assert.Equal(new[] { "block-gibbs" }, kernels.Annealing.ToArray());
        Assert.Empty(kernels.ReversibleOnPath);
        Assert.Empty(kernels.OnAnyEnergy);
    }

    [Fact]
    public void Costs_count_a_sweep_as_one_evaluation_and_a_trajectory_as_its_leapfrog_steps_at_every_rung()
    {
        var continuous = KernelCatalog.Continuous;
        Assert.Equal(10, Cost(continuous, "hmc", 10, 8));
        Assert.Equal(1, Cost(continuous, "mala", 10, 8));
        Assert.Equal(1, Cost(continuous, "metropolis", 10, 8));
        Assert.Equal(80, Cost(continuous, "pt", 10, 8));
        Assert.Equal(1023, Cost(continuous, "nuts", 10, 8)); // a tree of the default depth 10 at most: 2^10 - 1 leapfrog steps
        var torus = KernelCatalog.For(Torus(4, 0.5));
        Assert.Equal(1, Cost(torus, "checkerboard", 10, 8));
        Assert.Equal(8, Cost(torus, "pt", 10, 8));
        Assert.Equal(16.0 * 10, continuous.Find("hmc").Map(k => k.UnitUpdatesPerMove(16, 10)).IfNone(0));
    }

    private static int Cost(ModelKernels kernels, string name, int leapfrog, int rungs) =>
        kernels.Find(name).Map(k => k.EvaluationsPerMove(leapfrog, rungs)).IfNone(-1);

    [Fact]
    public void Exact_draws_are_listed_where_an_exact_sampler_takes_the_model()
    {
        var rbm = Valid(BernoulliRbm.Create(Mat.Create(3, 2, w => w.Fill(0.3)), Vec.Zeros(3), Vec.Zeros(2)));
        Assert.Equal(new[] { ExactDrawSource.RbmHiddenLayer, ExactDrawSource.Enumeration }, KernelCatalog.ExactDrawSources(rbm).ToArray());
        Assert.True(RbmExactDraws.Sample(Key(1), rbm, 4, 1.0).IsSucc);
        Assert.True(ExactDraws.Discrete(Key(1), 4, rbm, 1.0).IsSucc);
        Assert.Equal(new[] { ExactDrawSource.Enumeration }, KernelCatalog.ExactDrawSources(Torus(4, 0.5)).ToArray());
        var large = Torus(5, 0.5);
        Assert.Empty(KernelCatalog.ExactDrawSources(large));
        Assert.True(ExactDraws.Discrete(Key(1), 4, large, 1.0).IsFail);
        Assert.Equal(new[] { ExactDrawSource.Gaussian }, KernelCatalog.ExactDrawSources(Isotropic(2)).ToArray());
        Assert.Empty(KernelCatalog.ExactDrawSources(Valid(DoubleWell.Create(barrier: 2.0, stiffness: 1.0))));
    }

    [Fact]
    public void The_single_site_kernels_it_calls_reversible_satisfy_detailed_balance_exactly()
    {
        // A 5-unit triplet ring (not a Boltzmann machine) at beta 0.8: pi_x K(x, y) = pi_y K(y, x) for the random-scan
        // kernels the catalogue lists, within 1e-12 (the matrices are exact sums of a few products).
        var ring = new TripletRing(5, 0.7, 0.1, StateConvention.Spin);
        var kernels = KernelCatalog.For(ring);
        Assert.Equal(KernelInvariance.Reversible, kernels.Find("gibbs").Map(k => k.Invariance).IfNone(KernelInvariance.Approximate));
        Assert.Equal(KernelInvariance.Reversible, kernels.Find("metropolis").Map(k => k.Invariance).IfNone(KernelInvariance.Approximate));
        var pi = Valid(Enumeration.Probabilities(ring, 0.8));
        AssertDetailedBalance(pi, Valid(TransitionMatrices.HeatBath(ring, 0.8, ScanOrder.Random)));
        AssertDetailedBalance(pi, Valid(TransitionMatrices.Metropolis(ring, 0.8, ScanOrder.Random)));
    }

    private static void AssertDetailedBalance(Vec pi, Mat k)
    {
        for (var x = 0; x < pi.Length; x++)
        for (var y = 0; y < pi.Length; y++)
            Assert.True(Math.Abs(pi[x] * k[x, y] - pi[y] * k[y, x]) <= 1e-12, $"({x}, {y})");
    }

    private static Functional.Prng.RngKey Key(ulong seed) => Functional.Prng.RngKey.FromSeed(seed);
}
