using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>One affine layer of an <see cref="Mlp"/>: z = W a + b, W with one row per output and one column per input.</summary>
/// <param name="Weights">outputs x inputs.</param>
/// <param name="Bias">One entry per output.</param>
public sealed record MlpLayer(Mat Weights, Vec Bias)
{
    /// <summary>Inputs of the layer (columns of W).</summary>
    public int Inputs => Weights.Columns;

    /// <summary>Outputs of the layer (rows of W).</summary>
    public int Outputs => Weights.Rows;
}
