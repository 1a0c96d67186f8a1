using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.TestModels;

namespace Ebm.Functional.Tests.Models;

/// <summary>One instance of every built-in model family (and the adapters), by name, for the contract theories.</summary>
internal static class ContractModels
{
    public static readonly IReadOnlyDictionary<string, IEnergyModel> All = new Dictionary<string, IEnergyModel>
    {
        ["ising periodic"] = Valid(IsingModel.Create(4, 5, 0.8, 0.3, Boundary.Periodic)),
        ["ising open"] = Valid(IsingModel.Create(3, 3, -1.1, -0.2, Boundary.Open)),
        ["boltzmann binary"] = BoltzmannRandom.Create(11, 7, StateConvention.Binary),
        ["boltzmann spin"] = BoltzmannRandom.Create(12, 9, StateConvention.Spin),
        ["bernoulli rbm"] = RbmTestModels.Bernoulli(5, 4, 1.0, 0.5, 13),
        ["triplet ring binary"] = new TripletRing(6, 0.7, -0.4, StateConvention.Binary),
        ["triplet ring spin"] = new TripletRing(7, -0.9, 0.25, StateConvention.Spin),
        ["interpolated discrete"] = new InterpolatedDiscreteEnergy(
            BoltzmannRandom.Create(14, 9, StateConvention.Spin), Valid(IsingModel.Create(3, 3, 1.0, 0.1, Boundary.Open)), 0.7, 0.3),
        ["discrete energy"] = Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, Triplet)),
        ["discrete energy with field"] = Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, Triplet, localField: TripletField)),
        ["gaussian"] = Valid(GaussianModel.Create(Vec.Of(0.5, 0, -1), Mat.FromRows([[3.0, 1.0, 0.0], [1.0, 2.0, -0.5], [0.0, -0.5, 1.0]]))),
        ["gaussian from covariance"] = Valid(GaussianModel.FromCovariance(Vec.Of(1, -1), Mat.FromRows([[2.0, 0.6], [0.6, 1.0]]))),
        ["double well"] = Valid(DoubleWell.Create(2.0, 1.5)),
        ["ring"] = Valid(RingEnergy.Create(1.2, 0.3)),
        ["mixture"] = Valid(GaussianMixture2D.Create(Vec.Of(0.3, 0.7), Mat.FromRows([[-1.0, 0.5], [1.0, -0.5]]), Vec.Of(0.6, 0.9))),
        ["interpolated continuous"] = new InterpolatedEnergy(
            Valid(GaussianModel.Create(Vec.Of(0, 0), Mat.FromRows([[1.0, 0.0], [0.0, 1.0]]))), Valid(RingEnergy.Create()), 1.3, 0.4),
        ["gaussian-bernoulli rbm free energy"] = FreeEnergyOf(RbmTestModels.GaussianBernoulli(3, 4, 0.8, 0.5, 15)),
        ["continuous energy"] = Valid(ContinuousEnergyModel.Create(2, Banana)),
        ["continuous energy with gradient"] = Valid(ContinuousEnergyModel.Create(2, Banana, BananaGradient)),
    };

    /// <summary>The names of <see cref="All"/>, for MemberData.</summary>
    public static TheoryData<string> Names() => new(All.Keys);

    /// <summary>E(s) = -sum_i s_i s_{i+1} s_{i+2} - 0.3 sum_i s_i on a ring of 8 spins.</summary>
    public static double Triplet(ReadOnlySpan<double> s)
    {
        var energy = 0.0;
        for (var i = 0; i < s.Length; i++) energy -= s[i] * s[(i + 1) % s.Length] * s[(i + 2) % s.Length] + 0.3 * s[i];
        return energy;
    }

    /// <summary>The local field of <see cref="Triplet"/>: the three triplets holding unit i, plus the field 0.3.</summary>
    public static double TripletField(ReadOnlySpan<double> s, int i)
    {
        var n = s.Length;
        return s[(i + 1) % n] * s[(i + 2) % n] + s[(i + n - 1) % n] * s[(i + 1) % n] + s[(i + n - 2) % n] * s[(i + n - 1) % n] + 0.3;
    }

    /// <summary>E(x, y) = (x^2 + (y - x^2)^2 / 0.1) / 2.</summary>
    public static double Banana(ReadOnlySpan<double> p) => 0.5 * (p[0] * p[0] + Math.Pow(p[1] - p[0] * p[0], 2) / 0.1);

    /// <summary>The gradient of <see cref="Banana"/>: (x - 2 x r, r) with r = (y - x^2) / 0.1.</summary>
    public static void BananaGradient(ReadOnlySpan<double> p, Span<double> g)
    {
        var r = (p[1] - p[0] * p[0]) / 0.1;
        g[0] = p[0] - 2.0 * p[0] * r;
        g[1] = r;
    }

    /// <summary>A model known to be valid.</summary>
    public static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> model) =>
        model.Match(m => m, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    /// <summary>The visible free energy of a Gaussian-Bernoulli RBM as a continuous model, through the adapter.</summary>
    private static ContinuousEnergyModel FreeEnergyOf(GaussianBernoulliRbm rbm) => Valid(ContinuousEnergyModel.Create(
        rbm.Visible, rbm.FreeEnergy, rbm.FreeEnergyVisibleGradient, rbm.FreeEnergies, "gaussian-bernoulli-rbm free energy"));
}
