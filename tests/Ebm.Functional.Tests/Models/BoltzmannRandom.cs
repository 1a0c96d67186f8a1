using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Models;

/// <summary>Random Boltzmann machines for tests, reproducible from a seed.</summary>
internal static class BoltzmannRandom
{
    /// <summary>
    /// A machine with couplings uniform in [-couplingScale, couplingScale] and biases uniform in
    /// [-biasScale, biasScale], drawn from the Philox stream of <paramref name="seed"/>.
    /// </summary>
    public static BoltzmannMachine Create(ulong seed, int units, StateConvention states, double couplingScale = 1.0, double biasScale = 1.0)
    {
        var key = RngKey.FromSeed(seed);
        var couplings = Mat.Create(units, units, w =>
        {
            for (var i = 0; i < units; i++)
            for (var j = i + 1; j < units; j++)
            {
                var value = couplingScale * (2.0 * key.UniformAt(i * units + j) - 1.0);
                w[i * units + j] = value;
                w[j * units + i] = value;
            }
        });
        var biases = Vec.Create(units, b =>
        {
            for (var i = 0; i < units; i++) b[i] = biasScale * (2.0 * key.UniformAt((long)units * units + i) - 1.0);
        });
        return Create(couplings, biases, states);
    }

    /// <summary>Builds a machine from values known to be valid.</summary>
    public static BoltzmannMachine Create(Mat couplings, Vec biases, StateConvention states) =>
        BoltzmannMachine.Create(couplings, biases, states).Match(m => m, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    /// <summary>sum_{i&lt;j} |W_ij| + sum_i |b_i|: a bound on |E(x)| for either convention.</summary>
    public static double EnergyScale(BoltzmannMachine model)
    {
        var n = model.Dimension;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale += Math.Abs(model.Biases[i]);
            for (var j = i + 1; j < n; j++) scale += Math.Abs(model.Couplings[i, j]);
        }

        return scale;
    }

    /// <summary>The state with index <paramref name="index"/>: unit i is high when bit i is set.</summary>
    public static double[] State(long index, int units, StateConvention states)
    {
        var low = states == StateConvention.Binary ? 0.0 : -1.0;
        var state = new double[units];
        for (var i = 0; i < units; i++) state[i] = ((index >> i) & 1) == 1 ? 1.0 : low;
        return state;
    }

    /// <summary>E(x) straight from the definition -sum_{i&lt;j} W_ij x_i x_j - sum_i b_i x_i.</summary>
    public static double DefinitionEnergy(BoltzmannMachine model, ReadOnlySpan<double> x)
    {
        var energy = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            energy -= model.Biases[i] * x[i];
            for (var j = i + 1; j < x.Length; j++) energy -= model.Couplings[i, j] * x[i] * x[j];
        }

        return energy;
    }
}
