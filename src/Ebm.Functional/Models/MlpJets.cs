using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// One forward pass of an <see cref="Mlp"/> over n rows u_r that carries, beside the values, the first (order 1 or 2)
/// and second (order 2) directional derivatives along tangents t_r, and the reverse passes over it: in the parameters
/// (<see cref="ParameterGradient"/>) and in the inputs (<see cref="InputGradient"/>).
/// </summary>
/// <remarks>
/// <para>Forward mode in u (a Taylor jet): a_0 = u, ȧ_0 = t, ä_0 = 0; per layer z = W a + b, ż = W ȧ, z̈ = W ä; per hidden
/// layer a = act(z), ȧ = act'(z) ż, ä = act''(z) ż² + act'(z) z̈. The network's last layer is linear, so f = z_L,
/// ḟ = t · grad f and f̈ = t^T (grad² f) t. The orders are stacked as row blocks [a; ȧ; ä] of one matrix, so each layer
/// is one GEMM for all orders.</para>
/// <para>Reverse mode in θ over that computation, by hand (no tape): with the adjoints ā, ā̇, ā̈ of a layer's outputs,
/// z̄̈ = ā̈ act', z̄̇ = ā̇ act' + 2 ā̈ act'' ż, z̄ = ā act' + ā̇ act'' ż + ā̈ (act''' ż² + act'' z̈); then
/// dW = [z̄; z̄̇; z̄̈]^T [a; ȧ; ä] (one GEMM), db = sum_r z̄_r, and the previous layer's adjoints are [z̄; z̄̇; z̄̈] W
/// (one GEMM). Hence act''' for the Laplacian's parameter gradient.</para>
/// </remarks>
internal sealed class MlpJets
{
    private readonly Mlp _network;
    private readonly double[][] _layerInputs;
    private readonly double[][] _preActivations;
    private readonly double[][][] _slopes;

    private MlpJets(Mlp network, int rows, int order, double[][] layerInputs, double[][] preActivations, double[][][] slopes, double[] outputs)
    {
        _network = network;
        Rows = rows;
        Order = order;
        _layerInputs = layerInputs;
        _preActivations = preActivations;
        _slopes = slopes;
        Outputs = outputs;
    }

    /// <summary>Rows n.</summary>
    public int Rows { get; }

    /// <summary>Highest derivative carried: 0 (values only), 1 or 2.</summary>
    public int Order { get; }

    /// <summary>The outputs, (Order + 1) row blocks of n x K: f(u_r), then t_r · grad f(u_r), then t_r^T (grad² f(u_r)) t_r.</summary>
    public double[] Outputs { get; }

    /// <summary>Block <paramref name="order"/> of <see cref="Outputs"/> (n x K).</summary>
    public ReadOnlySpan<double> OutputBlock(int order) => Outputs.AsSpan(order * Rows * _network.Outputs, Rows * _network.Outputs);

    /// <summary>
    /// The forward pass over <paramref name="rows"/> inputs (n x d, network units, row-major) with tangents (n x d; empty
    /// when <paramref name="order"/> is 0).
    /// </summary>
    public static MlpJets Forward(Mlp network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> tangents, int rows, int order)
    {
        int count = network.Layers.Count, blocks = order + 1, stacked = blocks * rows;
        var layerInputs = new double[count][];
        var preActivations = new double[count - 1][];
        var slopes = new double[count - 1][][];
        var a = new double[stacked * network.Inputs];
        inputs.CopyTo(a);
        if (order >= 1) tangents.CopyTo(a.AsSpan(rows * network.Inputs));
        for (var l = 0; l < count; l++)
        {
            layerInputs[l] = a;
            var layer = network.Layers[l];
            var z = Affine(layer, a, rows, stacked);
            if (l == count - 1) return new MlpJets(network, rows, order, layerInputs, preActivations, slopes, z);
            preActivations[l] = z;
            slopes[l] = new double[blocks][];
            var primal = rows * layer.Outputs;
            for (var j = 0; j < blocks; j++) slopes[l][j] = new double[primal];
            a = new double[stacked * layer.Outputs];
            MlpActivationKernel.Evaluate(network.Activation, z.AsSpan(0, primal), a.AsSpan(0, primal), slopes[l][0],
                order >= 1 ? slopes[l][1] : [], order >= 2 ? slopes[l][2] : []);
            PropagateTangents(z, a, slopes[l], primal, order);
        }

        throw new InvalidOperationException("a network has at least one layer");
    }

    /// <summary>
    /// The gradient in the parameters (flat layout: layers in order, each W row-major then b) of
    /// sum_r sum_k seed[r, k] times block <see cref="Order"/> of the outputs.
    /// </summary>
    public double[] ParameterGradient(ReadOnlySpan<double> seed)
    {
        var layers = _network.Layers;
        var gradient = new double[_network.ParameterCount];
        var offset = gradient.Length;
        var adjoint = SeededOutputs(seed);
        for (var l = layers.Count - 1; l >= 0; l--)
        {
            var layer = layers[l];
            int width = layer.Outputs, inputs = layer.Inputs, stacked = (Order + 1) * Rows;
            if (l < layers.Count - 1) PreActivationAdjoint(l, adjoint);
            offset -= width * inputs + width;
            if (Rows > 0)
                MatrixProduct.Gemm(true, false, width, inputs, stacked, 1.0, adjoint, width, _layerInputs[l], inputs, 0.0,
                    gradient.AsSpan(offset, width * inputs), inputs);
            var bias = gradient.AsSpan(offset + width * inputs, width);
            for (var r = 0; r < Rows; r++)
            {
                var row = adjoint.AsSpan(r * width, width);
                for (var k = 0; k < width; k++) bias[k] += row[k];
            }

            if (l > 0) adjoint = BackThrough(layer, adjoint, stacked);
        }

        return gradient;
    }

    /// <summary>Per row r, the gradient in u of sum_k seed[r, k] f_k(u_r) (n x d, row-major); needs <see cref="Order"/> 0.</summary>
    public double[] InputGradient(ReadOnlySpan<double> seed)
    {
        if (Order != 0) throw new InvalidOperationException("input gradients come from a pass of order 0");
        var layers = _network.Layers;
        var adjoint = seed.ToArray();
        for (var l = layers.Count - 1; l >= 0; l--)
        {
            if (l < layers.Count - 1) PreActivationAdjoint(l, adjoint);
            adjoint = BackThrough(layers[l], adjoint, Rows);
        }

        return adjoint;
    }

    private static double[] Affine(MlpLayer layer, double[] a, int rows, int stacked)
    {
        var z = new double[stacked * layer.Outputs];
        for (var r = 0; r < rows; r++) layer.Bias.Span.CopyTo(z.AsSpan(r * layer.Outputs, layer.Outputs));
        if (rows > 0)
            MatrixProduct.Gemm(false, true, stacked, layer.Outputs, layer.Inputs, 1.0, a, layer.Inputs, layer.Weights.Span, layer.Inputs, 1.0, z, layer.Outputs);
        return z;
    }

    private static void PropagateTangents(double[] z, double[] a, double[][] slopes, int primal, int order)
    {
        if (order < 1) return;
        var first = slopes[0];
        for (var i = 0; i < primal; i++) a[primal + i] = first[i] * z[primal + i];
        if (order < 2) return;
        var second = slopes[1];
        for (var i = 0; i < primal; i++)
        {
            var dz = z[primal + i];
            a[2 * primal + i] = second[i] * dz * dz + first[i] * z[2 * primal + i];
        }
    }

    private double[] SeededOutputs(ReadOnlySpan<double> seed)
    {
        var block = Rows * _network.Outputs;
        if (seed.Length != block) throw new ArgumentException($"has {seed.Length} values, expected {block} (rows x outputs)", nameof(seed));
        var adjoint = new double[(Order + 1) * block];
        seed.CopyTo(adjoint.AsSpan(Order * block));
        return adjoint;
    }

    /// <summary>Turns the adjoints of hidden layer l's outputs [ā; ā̇; ā̈] into those of its pre-activations, in place.</summary>
    private void PreActivationAdjoint(int l, double[] adjoint)
    {
        var slopes = _slopes[l];
        var z = _preActivations[l];
        var primal = Rows * _network.Layers[l].Outputs;
        var first = slopes[0];
        if (Order == 0)
        {
            for (var i = 0; i < primal; i++) adjoint[i] *= first[i];
            return;
        }

        var second = slopes[1];
        if (Order == 1)
        {
            for (var i = 0; i < primal; i++)
            {
                var tangent = adjoint[primal + i];
                adjoint[i] = adjoint[i] * first[i] + tangent * second[i] * z[primal + i];
                adjoint[primal + i] = tangent * first[i];
            }

            return;
        }

        var third = slopes[2];
        for (var i = 0; i < primal; i++)
        {
            double tangent = adjoint[primal + i], curvature = adjoint[2 * primal + i], dz = z[primal + i], ddz = z[2 * primal + i];
            adjoint[i] = adjoint[i] * first[i] + tangent * second[i] * dz + curvature * (third[i] * dz * dz + second[i] * ddz);
            adjoint[primal + i] = tangent * first[i] + 2 * curvature * second[i] * dz;
            adjoint[2 * primal + i] = curvature * first[i];
        }
    }

    private static double[] BackThrough(MlpLayer layer, double[] adjoint, int stacked)
    {
        var back = new double[stacked * layer.Inputs];
        if (stacked > 0)
            MatrixProduct.Gemm(false, false, stacked, layer.Inputs, layer.Outputs, 1.0, adjoint, layer.Outputs, layer.Weights.Span, layer.Inputs, 0.0, back, layer.Inputs);
        return back;
    }
}
