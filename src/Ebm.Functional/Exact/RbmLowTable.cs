using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// For every state of the low enumerated bits: y = K_low s_low, e^(beta y) and q_low^T s_low, each entry a
/// direct sum of at most <see cref="Bits"/> couplings. Read-only once built, shared by all blocks.
/// </summary>
/// <remarks>
/// The padding of each exponential row is 0 (not e^0), so padded units contribute the factor 1 + 0 to the
/// kernel's product whatever the high row holds there.
/// </remarks>
internal sealed class RbmLowTable
{
    private readonly double[] _exp;
    private readonly double[] _activation;
    private readonly int _stride;

    private RbmLowTable(int bits, int stride, double[] exp, double[] activation, double[] enumeratedEnergy)
    {
        Bits = bits;
        _stride = stride;
        _exp = exp;
        _activation = activation;
        EnumeratedEnergy = enumeratedEnergy;
    }

    /// <summary>Number of low bits; the table has 2^Bits rows.</summary>
    public int Bits { get; }

    /// <summary>2^Bits.</summary>
    public int Rows => 1 << Bits;

    /// <summary>q_low^T s_low per row.</summary>
    public double[] EnumeratedEnergy { get; }

    /// <summary>e^(beta y) of row <paramref name="row"/>, padded with zeros to the stride.</summary>
    public ReadOnlySpan<double> ExpRow(int row) => _exp.AsSpan(row * _stride, _stride);

    /// <summary>y of row <paramref name="row"/> (empty when moments are not needed).</summary>
    public ReadOnlySpan<double> ActivationRow(int row) => _activation.Length == 0 ? [] : _activation.AsSpan(row * _stride, _stride);

    /// <summary>Builds the table of the lowest <paramref name="bits"/> enumerated units.</summary>
    public static RbmLowTable Build<TVector, TSimd>(RbmPaddedLayer layer, double beta, int bits, bool withActivation)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
    {
        var rows = 1 << bits;
        var stride = layer.Stride;
        var summed = layer.Summed;
        var exp = new double[rows * stride];
        var activation = withActivation ? new double[rows * stride] : [];
        var energy = new double[rows];
        var y = new double[stride];
        for (var row = 0; row < rows; row++)
        {
            Array.Clear(y);
            for (var j = 0; j < bits; j++)
            {
                if (((row >> j) & 1) == 0) continue;
                RbmProductKernel.AddScaled<TVector, TSimd>(y, layer.Row(j), 1.0);
                energy[row] += layer.EnumeratedBias[j];
            }

            var destination = exp.AsSpan(row * stride, stride);
            RbmProductKernel.ScaledExp<TVector, TSimd>(y, beta, destination);
            destination[summed..].Clear();
            if (withActivation) y.CopyTo(activation.AsSpan(row * stride, stride));
        }

        return new RbmLowTable(bits, stride, exp, activation, energy);
    }
}
