namespace Ebm.Functional.Exact;

/// <summary>
/// A <see cref="RbmLayerSumProblem"/> with its coupling rows and summed biases zero-padded to a stride
/// that is a multiple of every vector width, so vector loops need no tails.
/// </summary>
internal sealed class RbmPaddedLayer
{
    private readonly double[] _rows;

    private RbmPaddedLayer(int enumerated, int stride, double[] rows, double[] bias, double[] enumeratedBias)
    {
        Enumerated = enumerated;
        Stride = stride;
        _rows = rows;
        Bias = bias;
        EnumeratedBias = enumeratedBias;
    }

    /// <summary>n, the number of enumerated units.</summary>
    public int Enumerated { get; }

    /// <summary>m, the number of summed units (the unpadded row length).</summary>
    public int Summed { get; private init; }

    /// <summary>Padded row length (at least m).</summary>
    public int Stride { get; }

    /// <summary>p padded with zeros to the stride.</summary>
    public double[] Bias { get; }

    /// <summary>q, the enumerated layer's biases.</summary>
    public double[] EnumeratedBias { get; }

    /// <summary>Row j of the couplings, padded with zeros.</summary>
    public ReadOnlySpan<double> Row(int j) => _rows.AsSpan(j * Stride, Stride);

    /// <summary>Pads <paramref name="problem"/> to a multiple of <paramref name="multiple"/>.</summary>
    public static RbmPaddedLayer From(RbmLayerSumProblem problem, int multiple)
    {
        var m = problem.Summed;
        var stride = (m + multiple - 1) / multiple * multiple;
        var rows = new double[problem.Enumerated * stride];
        for (var j = 0; j < problem.Enumerated; j++) problem.CouplingRow(j).CopyTo(rows.AsSpan(j * stride, m));
        var bias = new double[stride];
        problem.SummedBias.CopyTo(bias, 0);
        return new RbmPaddedLayer(problem.Enumerated, stride, rows, bias, problem.EnumeratedBias) { Summed = m };
    }
}
