using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Langevin;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.RandomWalk;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Every continuous kernel rejects proposals with a NaN energy and counts them, never throws, and gives
/// bit-identical results for any degree of parallelism.
/// </summary>
public sealed class ContinuousRobustnessTests
{
    /// <summary>A standard Gaussian in the plane whose energy is NaN for x0 &gt; 0.5 (a model that breaks off its domain).</summary>
    private sealed class NanBeyondHalf : IContinuousModel
    {
        public string Kind => "nan-beyond-half";

        public int Dimension => 2;

        public double Energy(ReadOnlySpan<double> x) => x[0] > 0.5 ? double.NaN : 0.5 * (x[0] * x[0] + x[1] * x[1]);

        public Vec Energies(Mat xs) => Vec.Create(xs.Rows, e =>
        {
            for (var r = 0; r < xs.Rows; r++) e[r] = Energy(xs.Row(r));
        });

        public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient[0] = x[0] > 0.5 ? double.NaN : x[0];
            gradient[1] = x[0] > 0.5 ? double.NaN : x[1];
        }
    }

    private static KernelStep<ContinuousChains, IAcceptanceInfo> Kernel(string name, IContinuousModel model, int threads) => name switch
    {
        "rwm" => Kernels.MapInfo(RandomWalkMetropolis.Create(model, 1.0, 1.0, threads).Step, i => (IAcceptanceInfo)i),
        "langevin" => Kernels.MapInfo(Langevin.Create(model, 1.0, 1.0, threads).Step, i => (IAcceptanceInfo)i),
        "mala" => Kernels.MapInfo(Mala.Create(model, 1.0, 1.0, threads).Step, i => (IAcceptanceInfo)i),
        _ => Kernels.MapInfo(Hmc.Create(model, 1.0, 0.4, 4, null, threads).Step, i => (IAcceptanceInfo)i),
    };

    private static int NonFinite(IAcceptanceInfo info) => info switch
    {
        RandomWalkInfo i => i.NonFiniteProposals,
        LangevinInfo i => i.NonFiniteProposals,
        MalaInfo i => i.NonFiniteProposals,
        HmcInfo i => i.NonFiniteProposals,
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData("rwm")]
    [InlineData("langevin")]
    [InlineData("mala")]
    [InlineData("hmc")]
    public void Nan_energy_proposals_are_rejected_and_counted(string kernel)
    {
        var model = new NanBeyondHalf();
        var step = Kernel(kernel, model, -1);
        var state = ContinuousKernel.Init(model, Mat.Create(32, 2, d => d.Fill(0.3)), -1);
        var counted = 0;
        var key = RngKey.FromSeed(9);
        for (var t = 0; t < 50; t++)
        {
            (state, var info) = step(key.FoldIn(t), state);
            counted += NonFinite(info);
            for (var c = 0; c < state.Chains; c++)
            {
                Assert.True(state.Positions[c, 0] <= 0.5, $"{kernel}: chain {c} moved onto a NaN point at step {t}");
                Assert.True(double.IsFinite(state.Energies[c]));
                Assert.InRange(info.AcceptanceRates[c], 0.0, 1.0);
            }
        }

        Assert.True(counted > 0, $"{kernel}: the test should provoke NaN proposals");
    }

    [Fact]
    public void Hmc_flags_a_nan_trajectory_as_divergent()
    {
        var model = new NanBeyondHalf();
        var hmc = Hmc.Create(model, 1.0, 0.4, 4);
        var (_, info) = hmc.Step(RngKey.FromSeed(2), hmc.Init(Mat.Create(32, 2, d => d.Fill(0.45))));
        Assert.True(info.NonFiniteProposals > 0);
        for (var c = 0; c < 32; c++)
            if (!double.IsFinite(info.EnergyErrors[c]))
            {
                Assert.Equal(1.0, info.Divergent[c]);
                Assert.Equal(0.0, info.AcceptanceRates[c]);
            }
    }

    [Theory]
    [InlineData("rwm")]
    [InlineData("langevin")]
    [InlineData("mala")]
    [InlineData("hmc")]
    public void Results_are_bit_identical_for_any_degree_of_parallelism(string kernel)
    {
        var model = Gaussian(Vec.Of(1.0, -1.0), Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));
        var start = ContinuousKernel.Init(model, ExactDraws(RngKey.FromSeed(4), model, 1.0, 48), 1);
        ContinuousChains Run(int threads) => Loop.Run(RngKey.FromSeed(5), start, 30, Kernel(kernel, model, threads));
        var sequential = Run(1);
        foreach (var threads in new[] { 2, 3, -1 })
        {
            var parallel = Run(threads);
            Assert.Equal(sequential.Positions.Span.ToArray(), parallel.Positions.Span.ToArray());
            Assert.Equal(sequential.Energies.ToArray(), parallel.Energies.ToArray());
            Assert.Equal(sequential.Gradients.Span.ToArray(), parallel.Gradients.Span.ToArray());
        }
    }
}
