using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// Kernels that once ran on every core whatever the caller asked take the caller's degree of parallelism: a bad one
/// is refused, and one thread gives the bits of many.
/// </summary>
public class CallerParallelismTests
{
    private static readonly IsingModel Torus = IsingModel.Create(6, 6, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ClusterSamplersGiveTheSameBitsOnOneThreadAsOnMany(bool wolff)
    {
        Sampler<Mat, IsingChains, ClusterInfo> Create(int parallelism) =>
            (wolff ? Wolff.Create(Torus, 0.4, parallelism) : SwendsenWang.Create(Torus, 0.4, parallelism)).Match(s => s, e => throw new InvalidOperationException(e.Message));
        var start = Mat.Create(8, Torus.Dimension, d => d.Fill(1.0));
        var key = RngKey.FromSeed(31);

        var one = Loop.Run(key, Create(1).Init(start), 20, Create(1).Step);
        var many = Loop.Run(key, Create(-1).Init(start), 20, Create(-1).Step);

        Assert.Equal(many.ToStates(), one.ToStates());
        Assert.Throws<ArgumentOutOfRangeException>(() => wolff ? Wolff.Create(Torus, 0.4, 0) : SwendsenWang.Create(Torus, 0.4, 0));
    }

    [Fact]
    public void ExactMethodsGiveTheSameBitsOnOneThreadAsOnMany()
    {
        // 14 columns: 8192 state pairs per column, mixed in parallel ranges; the periodic 8 x 10 runs its orbits in parallel.
        var strip = IsingModel.Create(14, 40, 0.7, 0.1, Boundary.Open).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var torus = IsingModel.Create(8, 10, -0.6, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var rbm = RbmTestModels.Bernoulli(20, 14, 0.5, 0.5, 3);
        var gaussian = RbmTestModels.GaussianBernoulli(4, 10, 0.5, 0.5, 4);

        Assert.Equal(Got(IsingTransferMatrix.Compute(strip, 0.4, -1)), Got(IsingTransferMatrix.Compute(strip, 0.4, 1)));
        Assert.Equal(Got(IsingTransferMatrix.Compute(torus, 0.4, -1)), Got(IsingTransferMatrix.Compute(torus, 0.4, 1)));
        Assert.Equal(Got(RbmExact.Compute(rbm, 1.0, null, -1)), Got(RbmExact.Compute(rbm, 1.0, null, 1)));
        Assert.Equal(Got(GaussianBernoulliRbmExact.Compute(gaussian, 1.0, null, -1)), Got(GaussianBernoulliRbmExact.Compute(gaussian, 1.0, null, 1)));
        Assert.Equal(Got(RbmExactDraws.Sample(RngKey.FromSeed(5), rbm, 50, 1.0, -1)), Got(RbmExactDraws.Sample(RngKey.FromSeed(5), rbm, 50, 1.0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsingTransferMatrix.Compute(strip, 0.4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RbmExactDraws.Sample(RngKey.FromSeed(5), rbm, 1, 1.0, -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuadratureSettings(MaxDegreeOfParallelism: 0).Validate());
    }

    private static T Got<T>(LanguageExt.Fin<T> result) => result.Match(x => x, e => throw new InvalidOperationException(e.Message));
}
