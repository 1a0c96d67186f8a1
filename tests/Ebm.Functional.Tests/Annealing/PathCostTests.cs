using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// A path built from a kernel that carries its cost counts the cost of a move from the kernel: a composed kernel's
/// cost is the one derived from its parts, plus the path's own re-evaluation where the path adds one; the moves are the
/// plain path's, bit for bit, and report the composition's acceptance.
/// </summary>
public sealed class PathCostTests
{
    private const double Beta = 0.4;

    private static KernelStep<DiscreteChains, SequenceInfo<MovesInfo<HeatBathInfo>, MetropolisInfo>> Plain(IDiscreteModel model, double b) =>
        Kernels.Sequence(Kernels.Repeat(HeatBathGibbs.BuildKernel(model, b), 3), SingleSiteMetropolis.BuildKernel(model, b));

    private static CostedKernel<DiscreteChains, SequenceInfo<MovesInfo<HeatBathInfo>, MetropolisInfo>> Costed(IDiscreteModel model, double b) =>
        Kernels.Sequence(Kernels.Repeat(Kernels.WithCost(HeatBathGibbs.BuildKernel(model, b), 1), 3), Kernels.WithCost(SingleSiteMetropolis.BuildKernel(model, b), 1));

    [Fact]
    public void A_tempered_path_counts_the_composed_kernels_cost_and_runs_its_moves()
    {
        IDiscreteModel model = Torus(3);
        var derived = Valid(Paths.Tempered(model, Beta, b => Costed(model, b)));
        var stated = Valid(Paths.Tempered(model, Beta, b => Plain(model, b), evaluationsPerMove: 4));

        Assert.Equal(4, derived.EvaluationsPerMove);
        var start = derived.SampleBase(RngKey.FromSeed(1), 16);
        var key = RngKey.FromSeed(2);
        var (afterDerived, info) = derived.Move(0.5)(key, start);
        var (afterStated, _) = stated.Move(0.5)(key, start);
        Assert.Equal(afterStated.States, afterDerived.States);
        Assert.Equal(4, Assert.IsType<SequenceInfo<MovesInfo<HeatBathInfo>, MetropolisInfo>>(info).Moves);
        Assert.Equal(16, info.AcceptanceRates.Length);
    }

    [Fact]
    public void A_lattice_path_counts_a_mixtures_expected_cost_rounded_up()
    {
        var model = Torus(4);
        // Weights 1 : 3 on one sweep and on three sweeps then a cluster flip: expected 1/4 + 3/4 x 4 = 3.25, counted as 4.
        var path = Valid(Paths.Tempered(model, Beta, b =>
        {
            var sweep = Kernels.WithCost(Kernels.MapInfo(Checkerboard.Create(model, b, CheckerboardUpdate.Metropolis).Step, i => (IAcceptanceInfo)i), 1);
            var wolff = Kernels.WithCost(Kernels.MapInfo(Valid(Wolff.Create(model, b)).Step, i => (IAcceptanceInfo)i), 1);
            return Kernels.Mixture([1.0, 3.0], [sweep, Kernels.MapInfo(Kernels.Sequence(Kernels.Repeat(sweep, 3), wolff), i => (IAcceptanceInfo)i)]);
        }));
        Assert.Equal(4, path.EvaluationsPerMove);
    }

    [Fact]
    public void Continuous_paths_add_their_re_initialisation_to_the_composed_kernels_cost()
    {
        var target = CorrelatedGaussian(3);
        var reference = Valid(GaussianModel.Create(Vec.Zeros(3), Mat.Create(3, 3, d => { d[0] = d[4] = d[8] = 1.0; })));
        var parameters = new HmcParams(0.3, 4, Vec.Filled(3, 1.0));
        CostedKernel<ContinuousChains, SequenceInfo<HmcInfo, MalaInfo>> Kernel(IContinuousModel m) =>
            Kernels.Sequence(Kernels.WithCost(Hmc.Factory(m, parameters)(1.0), parameters.LeapfrogSteps), Kernels.WithCost(Mala.Factory(m, 0.3)(1.0), 1));

        Assert.Equal(4 + 1 + 1, Valid(Paths.FromGaussian(target, 1.0, reference, Kernel)).EvaluationsPerMove);
        var between = Valid(Paths.Between(reference, target, 1.0, (k, n) => ExactDraws.Gaussian(k, n, reference), Kernel));
        Assert.Equal(4 + 1 + 1, between.EvaluationsPerMove);
        var stated = Valid(Paths.Between(reference, target, 1.0, (k, n) => ExactDraws.Gaussian(k, n, reference), m => Kernel(m).Step, evaluationsPerMove: 5));
        var start = between.SampleBase(RngKey.FromSeed(3), 8);
        Assert.Equal(stated.Move(0.3)(RngKey.FromSeed(4), start).State.Positions, between.Move(0.3)(RngKey.FromSeed(4), start).State.Positions);
    }

    [Fact]
    public void A_path_between_discrete_models_adds_its_re_evaluation()
    {
        IDiscreteModel a = Torus(3, coupling: 0.5), b = Torus(3);
        var path = Valid(Paths.Between(a, b, Beta, (k, n) => Valid(ExactDraws.Discrete(k, n, a, Beta)), m => Costed(m, 1.0)));
        Assert.Equal(4 + 1, path.EvaluationsPerMove);
    }
}
