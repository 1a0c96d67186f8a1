using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The path factories that take user input (<c>Tempered</c>, <c>FromGaussian</c>, both <c>Between</c>, <c>RbmBaseRate</c>,
/// <c>GaussianBernoulliCoupling</c>, and their costed-kernel forms) return every problem as an <see cref="AnnealingErrors.InvalidPath"/> value and never throw.
/// </summary>
public sealed class PathFactoryErrorTests
{
    private static readonly GaussianModel Plane = Valid(GaussianReference.Isotropic(2, 1.0));
    private static readonly GaussianModel Space = Valid(GaussianReference.Isotropic(3, 1.0));
    private static readonly Func<IContinuousModel, KernelStep<ContinuousChains, MalaInfo>> Mala01 = m => Mala.Factory(m, 0.1)(1.0);
    private static readonly Func<IDiscreteModel, KernelStep<DiscreteChains, HeatBathInfo>> HeatBath = m => HeatBathGibbs.BuildKernel(m, 1.0);

    private static Seq<Error> Refused<T>(Func<Validation<Error, T>> make)
    {
        var errors = Failures(make());
        Assert.False(errors.IsEmpty, "the factory refuses its arguments as a value");
        Assert.All(errors, e => Assert.Equal(AnnealingErrors.InvalidPathCode, e.Code));
        return errors;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_beta_that_is_not_positive_and_finite_is_refused(double beta)
    {
        Assert.Contains("beta", Refused(() => Paths.FromGaussian(Plane, beta, Plane, Mala01)).Single().Message);
        Assert.Single(Refused(() => Paths.Between(Plane, Plane, beta, (k, m) => ExactDraws.Gaussian(k, m, Plane, 1.0), Mala01)));
        Assert.Single(Refused(() => Paths.GaussianBernoulliCoupling(RbmTestModels.GaussianBernoulli(3, 2, 0.5, 0.5, 1), beta)));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void A_beta_that_is_negative_or_not_finite_is_refused_by_the_discrete_and_rbm_paths(double beta)
    {
        var model = BoltzmannRandom.Create(3, 4, StateConvention.Spin);
        Assert.Single(Refused(() => Paths.Between(model, model, beta, (k, m) => ExactDraws.Uniform(k, m, 4, StateConvention.Spin), HeatBath)));
        var rbm = RbmTestModels.Bernoulli(4, 3, 1.0, 1.0, 31);
        Assert.Single(Refused(() => Paths.RbmBaseRate(rbm, Vec.Zeros(4), beta)));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        // A reference of the wrong dimension and beta 0.
        Assert.Equal(2, Refused(() => Paths.FromGaussian(Plane, 0.0, Space, Mala01)).Count);
        Assert.Equal(2, Refused(() => Paths.Between(Plane, Space, -1.0, (k, m) => ExactDraws.Gaussian(k, m, Plane, 1.0), Mala01)).Count);
        // Three biases for four visible units, one of them NaN, and a negative beta.
        var rbm = RbmTestModels.Bernoulli(4, 3, 1.0, 1.0, 31);
        var errors = Refused(() => Paths.RbmBaseRate(rbm, Vec.Of(0.0, double.NaN, 1.0), -1.0));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("base bias 1 is NaN"));
    }

    [Fact]
    public void Discrete_models_of_different_shapes_are_refused()
    {
        var spins = BoltzmannRandom.Create(3, 4, StateConvention.Spin);
        var bits = BoltzmannRandom.Create(4, 4, StateConvention.Binary);
        var wider = BoltzmannRandom.Create(5, 5, StateConvention.Spin);
        Func<RngKey, int, Mat> draws = (k, m) => ExactDraws.Uniform(k, m, 4, StateConvention.Spin);
        Assert.Single(Refused(() => Paths.Between(spins, bits, 1.0, draws, HeatBath)));
        Assert.Single(Refused(() => Paths.Between(spins, wider, 1.0, draws, HeatBath)));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Tempered_paths_refuse_a_negative_or_non_finite_beta_before_building_a_kernel(double beta)
    {
        var model = BoltzmannRandom.Create(3, 4, StateConvention.Spin);
        var torus = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        Func<double, CostedKernel<DiscreteChains, HeatBathInfo>> costed = b =>
            b >= 0 && double.IsFinite(b) ? Kernels.WithCost(HeatBathGibbs.BuildKernel(model, b), 1) : throw new InvalidOperationException("built at an invalid beta");
        Assert.Single(Refused(() => Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b))));
        Assert.Single(Refused(() => Paths.Tempered(torus, beta, b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step)));
        Assert.Single(Refused(() => Paths.Tempered(model, beta, costed)));
    }

    [Fact]
    public void A_kernel_that_costs_more_than_two_to_the_31_evaluations_per_move_is_refused()
    {
        var model = BoltzmannRandom.Create(3, 4, StateConvention.Spin);
        var errors = Refused(() => Paths.Tempered(model, 1.0, b => Kernels.WithCost(HeatBathGibbs.BuildKernel(model, b), 1e12)));
        Assert.Contains("2^31", errors.Single().Message);
    }
}
