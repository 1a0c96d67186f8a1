using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.TestModels;

namespace Ebm.Functional.Tests.Models;

/// <summary>Small RBMs with parameters drawn from a fixed splitmix64 stream, and plain brute-force sums over their states.</summary>
public static class RbmTestModels
{
    /// <summary>W uniform in [-weightScale, weightScale], b and c uniform in [-biasScale, biasScale].</summary>
    public static BernoulliRbm Bernoulli(int visible, int hidden, double weightScale, double biasScale, ulong seed)
    {
        long draw = 0;
        double Next(double scale) => scale * (2.0 * PeerRecipe.Uniform(seed, draw++) - 1.0);
        var weights = Mat.Create(visible, hidden, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = Next(weightScale);
        });
        var visibleBias = Vec.Create(visible, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = Next(biasScale);
        });
        var hiddenBias = Vec.Create(hidden, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = Next(biasScale);
        });
        return BernoulliRbm.Create(weights, visibleBias, hiddenBias).Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));
    }

    /// <summary>As <see cref="Bernoulli"/>, with sigma uniform in [0.5, 2].</summary>
    public static GaussianBernoulliRbm GaussianBernoulli(int visible, int hidden, double weightScale, double biasScale, ulong seed)
    {
        var rbm = Bernoulli(visible, hidden, weightScale, biasScale, seed);
        var sigma = Vec.Create(visible, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = 0.5 + 1.5 * PeerRecipe.Uniform(seed + 1000, i);
        });
        return GaussianBernoulliRbm.Create(rbm.Weights, rbm.VisibleBias, rbm.HiddenBias, sigma)
            .Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));
    }

    /// <summary>Unit <paramref name="bit"/> of state number <paramref name="index"/> as 0 or 1.</summary>
    public static double Bit(long index, int bit) => (index >> bit) & 1;

    /// <summary>The binary vector of state number <paramref name="index"/> (unit k = bit k).</summary>
    public static double[] State(long index, int units)
    {
        var state = new double[units];
        for (var k = 0; k < units; k++) state[k] = Bit(index, k);
        return state;
    }

    /// <summary>log sum_k exp(x_k), shifted by the maximum.</summary>
    public static double LogSumExp(IReadOnlyList<double> values)
    {
        var max = values.Max();
        return max + Math.Log(values.Sum(x => Math.Exp(x - max)));
    }
}
