using System.Buffers;
using System.Numerics.Tensors;
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
/// <para>The buffers come from the shared array pool and go back on <see cref="Dispose"/>: what a caller keeps
/// (<see cref="OutputBlock"/>, the gradients) is copied out first, so the pass stays pure at its boundary.</para>
/// </remarks>
internal sealed class MlpJets : IDisposable
{
    private readonly Mlp _network;
    private readonly double[][] _layerInputs;
    private readonly double[][] _preActivations;
    private readonly double[][][] _slopes;
    private readonly double[] _outputs;
    private readonly List<double[]> _rented;

    private MlpJets(Mlp network, int rows, int order, bool reversible)
    {
        _network = network;
        Rows = rows;
        Order = order;
        var count = network.Layers.Count;
        _layerInputs = new double[count][];
        _preActivations = new double[count - 1][];
        _slopes = new double[count - 1][][];
        _rented = new List<double[]>(4 * count + 4);
        _outputs = Run(reversible);
    }

    /// <summary>Rows n.</summary>
    public int Rows { get; }

    /// <summary>Highest derivative carried: 0 (values only), 1 or 2.</summary>
    public int Order { get; }

    /// <summary>
    /// The forward pass over <paramref name="rows"/> inputs (n x d, network units, row-major) with tangents (n x d; empty
    /// when <paramref name="order"/> is 0); <paramref name="reversible"/> keeps what the reverse passes need.
    /// </summary>
    public static MlpJets Forward(Mlp network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> tangents, int rows, int order, bool reversible = true)
    {
        var jets = new MlpJets(network, rows, order, reversible);
        var a = jets._layerInputs[0];
        int d = network.Inputs, block = rows * d;
        inputs[..block].CopyTo(a);
        if (order >= 1) tangents[..block].CopyTo(a.AsSpan(block));
        if (order >= 2) a.AsSpan(2 * block, block).Clear();
        jets.Propagate();
        return jets;
    }

    /// <summary>Block <paramref name="order"/> of the outputs (n x K): f(u_r), then t_r · grad f(u_r), then t_r^T (grad² f(u_r)) t_r.</summary>
    public ReadOnlySpan<double> OutputBlock(int order) => _outputs.AsSpan(order * Rows * _network.Outputs, Rows * _network.Outputs);

    /// <summary>
    /// The gradient in the parameters (flat layout: layers in order, each W row-major then b) of
    /// sum_r sum_k seed[r, k] times block <see cref="Order"/> of the outputs.
    /// </summary>
    public double[] ParameterGradient(ReadOnlySpan<double> seed)
    {
        var layers = _network.Layers;
        var gradient = new double[_network.ParameterCount];
        var offset = gradient.Length;
        int stacked = (Order + 1) * Rows, top = Rows * _network.Outputs;
        if (seed.Length != top) throw new ArgumentException($"has {seed.Length} values, expected {top} (rows x outputs)", nameof(seed));
        var adjoint = Rent(stacked * _network.Outputs);
        adjoint.AsSpan(0, Order * top).Clear();
        seed.CopyTo(adjoint.AsSpan(Order * top));
        for (var l = layers.Count - 1; l >= 0; l--)
        {
            var layer = layers[l];
            int width = layer.Outputs, inputs = layer.Inputs;
            if (l < layers.Count - 1) PreActivationAdjoint(l, adjoint);
            offset -= width * inputs + width;
            if (Rows > 0)
                MatrixProduct.Gemm(true, false, width, inputs, stacked, 1.0, adjoint, width, _layerInputs[l], inputs, 0.0,
                    gradient.AsSpan(offset, width * inputs), inputs);
            var bias = gradient.AsSpan(offset + width * inputs, width);
            for (var r = 0; r < Rows; r++) TensorPrimitives.Add(bias, adjoint.AsSpan(r * width, width), bias);
            if (l > 0) adjoint = BackThrough(layer, adjoint, stacked);
        }

        return gradient;
    }

    /// <summary>Per row r, the gradient in u of sum_k seed[r, k] f_k(u_r) (n x d, row-major, a fresh array); needs <see cref="Order"/> 0.</summary>
    public double[] InputGradient(ReadOnlySpan<double> seed)
    {
        if (Order != 0) throw new InvalidOperationException("input gradients come from a pass of order 0");
        var layers = _network.Layers;
        var top = Rows * _network.Outputs;
        if (seed.Length != top) throw new ArgumentException($"has {seed.Length} values, expected {top} (rows x outputs)", nameof(seed));
        var adjoint = Rent(top);
        seed.CopyTo(adjoint);
        for (var l = layers.Count - 1; l > 0; l--)
        {
            if (l < layers.Count - 1) PreActivationAdjoint(l, adjoint);
            adjoint = BackThrough(layers[l], adjoint, Rows);
        }

        if (layers.Count > 1) PreActivationAdjoint(0, adjoint);
        var first = layers[0];
        var gradient = new double[Rows * first.Inputs];
        if (Rows > 0)
            MatrixProduct.Gemm(false, false, Rows, first.Inputs, first.Outputs, 1.0, adjoint, first.Outputs, first.Weights.Span, first.Inputs, 0.0, gradient, first.Inputs);
        return gradient;
    }

    /// <summary>Returns the buffers to the pool; the pass must not be used afterwards.</summary>
    public void Dispose()
    {
        foreach (var buffer in _rented) ArrayPool<double>.Shared.Return(buffer);
        _rented.Clear();
    }

    private double[] Run(bool reversible)
    {
        var count = _network.Layers.Count;
        var stacked = (Order + 1) * Rows;
        _layerInputs[0] = Rent(stacked * _network.Inputs);
        for (var l = 0; l < count - 1; l++)
        {
            var width = _network.Layers[l].Outputs;
            _preActivations[l] = Rent(stacked * width);
            _layerInputs[l + 1] = Rent(stacked * width);
            var derivatives = reversible ? Order + 1 : Order;
            _slopes[l] = new double[derivatives][];
            for (var j = 0; j < derivatives; j++) _slopes[l][j] = Rent(Rows * width);
        }

        return Rent(stacked * _network.Outputs);
    }

    private void Propagate()
    {
        var count = _network.Layers.Count;
        for (var l = 0; l < count; l++)
        {
            var layer = _network.Layers[l];
            var z = l < count - 1 ? _preActivations[l] : _outputs;
            Affine(layer, _layerInputs[l], z);
            if (l == count - 1) return;
            var primal = Rows * layer.Outputs;
            var slopes = _slopes[l];
            var a = _layerInputs[l + 1];
            MlpActivationKernel.Evaluate(_network.Activation, z.AsSpan(0, primal), a.AsSpan(0, primal),
                slopes.Length > 0 ? slopes[0].AsSpan(0, primal) : [],
                slopes.Length > 1 ? slopes[1].AsSpan(0, primal) : [],
                slopes.Length > 2 ? slopes[2].AsSpan(0, primal) : []);
            PropagateTangents(z, a, slopes, primal);
        }
    }

    private void Affine(MlpLayer layer, double[] a, double[] z)
    {
        var stacked = (Order + 1) * Rows;
        if (Rows == 0) return;
        MatrixProduct.Gemm(false, true, stacked, layer.Outputs, layer.Inputs, 1.0, a, layer.Inputs, layer.Weights.Span, layer.Inputs, 0.0, z, layer.Outputs);
        var bias = layer.Bias.Span;
        for (var r = 0; r < Rows; r++)
        {
            var row = z.AsSpan(r * layer.Outputs, layer.Outputs);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    private void PropagateTangents(double[] z, double[] a, double[][] slopes, int primal)
    {
        if (Order < 1) return;
        var first = slopes[0].AsSpan(0, primal);
        TensorPrimitives.Multiply(first, z.AsSpan(primal, primal), a.AsSpan(primal, primal));
        if (Order < 2) return;
        MlpJetRules.SecondTangent(first, slopes[1].AsSpan(0, primal), z.AsSpan(primal, primal), z.AsSpan(2 * primal, primal), a.AsSpan(2 * primal, primal));
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
            TensorPrimitives.Multiply(adjoint.AsSpan(0, primal), first.AsSpan(0, primal), adjoint.AsSpan(0, primal));
            return;
        }

        var second = slopes[1].AsSpan(0, primal);
        if (Order == 1)
        {
            MlpJetRules.FirstOrderAdjoint(first.AsSpan(0, primal), second, z.AsSpan(primal, primal), adjoint.AsSpan(0, primal), adjoint.AsSpan(primal, primal));
            return;
        }

        MlpJetRules.SecondOrderAdjoint(first.AsSpan(0, primal), second, slopes[2].AsSpan(0, primal), z.AsSpan(primal, primal), z.AsSpan(2 * primal, primal),
            adjoint.AsSpan(0, primal), adjoint.AsSpan(primal, primal), adjoint.AsSpan(2 * primal, primal));
    }

    private double[] BackThrough(MlpLayer layer, double[] adjoint, int stacked)
    {
        var back = Rent(stacked * layer.Inputs);
        if (stacked > 0)
            MatrixProduct.Gemm(false, false, stacked, layer.Inputs, layer.Outputs, 1.0, adjoint, layer.Outputs, layer.Weights.Span, layer.Inputs, 0.0, back, layer.Inputs);
        return back;
    }

    private double[] Rent(int length)
    {
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(length, 1));
        _rented.Add(buffer);
        return buffer;
    }
}
