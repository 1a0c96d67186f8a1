using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>A NaN energy change or local field is a counted rejection, never an exception or a moved unit.</summary>
public sealed class DiscreteKernelNanTests
{
    /// <summary>Three free {0,1} units, except unit 1 whose energy change and field are NaN.</summary>
    private sealed class NanAtSiteOne : IDiscreteModel
    {
        public string Kind => "nan-test";
        public int Dimension => 3;
        public StateConvention States => StateConvention.Binary;
        public double Energy(ReadOnlySpan<double> state) => 0.0;
        public Vec Energies(Mat states) => Vec.Zeros(states.Rows);
        public double FlipEnergyChange(ReadOnlySpan<double> state, int site) => site == 1 ? double.NaN : 0.0;
        public double LocalField(ReadOnlySpan<double> state, int site) => site == 1 ? double.NaN : 0.0;
    }

    // Units 0 and 2 have dE = 0, a tie: Metropolis accepts each with probability 7/8, so its mean acceptance is
    // (7/8 + 0 + 7/8) / 3; Gibbs carries out 2 of the 3 updates.
    [Fact]
    public void Nan_updates_are_rejected_and_counted_by_both_kernels()
    {
        var model = new NanAtSiteOne();
        var start = Mat.Zeros(5, 3);
        var metropolis = SingleSiteMetropolis.Create(model, 1.0, ScanOrder.Systematic);
        var (mState, mInfo) = metropolis.Step(RngKey.FromSeed(2), metropolis.Init(start));
        var gibbs = HeatBathGibbs.Create(model, 1.0, ScanOrder.Systematic);
        var (gState, gInfo) = gibbs.Step(RngKey.FromSeed(2), gibbs.Init(start));
        Assert.Equal(5, mInfo.NanRejections);
        Assert.Equal(5, gInfo.NanRejections);
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(0.0, mState.States[c, 1]);
            Assert.Equal(0.0, gState.States[c, 1]);
            Assert.Equal(1.75 / 3, mInfo.AcceptanceRates[c], 1e-15);
            Assert.Equal(2.0 / 3, gInfo.AcceptanceRates[c], 1e-15);
            Assert.Equal(0.0, mState.Energies[c]);
        }
    }

    [Fact]
    public void Init_rejects_units_outside_the_convention()
    {
        var model = new NanAtSiteOne();
        var sampler = SingleSiteMetropolis.Create(model, 1.0, ScanOrder.Random);
        Assert.Throws<ArgumentException>(() => sampler.Init(Mat.Create(2, 3, d => d.Fill(-1.0))));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleSiteMetropolis.Create(model, -1.0, ScanOrder.Random));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatBathGibbs.Create(model, double.NaN, ScanOrder.Random));
    }
}
