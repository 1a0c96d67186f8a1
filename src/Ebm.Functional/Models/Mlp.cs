using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A multilayer perceptron f: R^d -&gt; R^K with smooth hidden activations and a linear last layer:
/// a_0 = u, a_l = act(W_l a_(l-1) + b_l) for the hidden layers, f(u) = W_L a_(L-1) + b_L. The network of
/// <see cref="MlpEnergy"/> (K = 1) and <see cref="MlpClassifier"/> (K logits).
/// </summary>
public sealed record Mlp
{
    /// <summary>The widest layer <see cref="Create"/> accepts.</summary>
    public const int MaxWidth = 65_536;

    /// <summary>The most layers <see cref="Create"/> accepts.</summary>
    public const int MaxLayers = 64;

    private Mlp(Seq<MlpLayer> layers, MlpActivation activation) => (Layers, Activation) = (layers, activation);

    /// <summary>The affine layers, input side first; all but the last are followed by <see cref="Activation"/>.</summary>
    public Seq<MlpLayer> Layers { get; }

    /// <summary>The hidden layers' activation.</summary>
    public MlpActivation Activation { get; }

    /// <summary>Input coordinates d.</summary>
    public int Inputs => Layers[0].Inputs;

    /// <summary>Outputs K.</summary>
    public int Outputs => Layers[Layers.Count - 1].Outputs;

    /// <summary>Weights and biases in all layers.</summary>
    public int ParameterCount => Layers.Sum(l => l.Weights.Rows * l.Weights.Columns + l.Bias.Length);

    /// <summary>
    /// Validates and builds the network: 1..<see cref="MaxLayers"/> layers, each 1..<see cref="MaxWidth"/> wide, each
    /// layer's inputs equal to the previous layer's outputs, one bias per output, finite numbers, a defined activation.
    /// </summary>
    public static Validation<Error, Mlp> Create(Seq<MlpLayer> layers, MlpActivation activation)
    {
        var errors = new List<Error>();
        if (layers.IsEmpty) errors.Add(ModelErrors.InvalidField("layers", "must have at least one layer"));
        if (layers.Count > MaxLayers) errors.Add(ModelErrors.TooLarge("layers", layers.Count, MaxLayers));
        if (!Enum.IsDefined(activation)) errors.Add(ModelErrors.InvalidField("activation", $"{(int)activation} is not an activation"));
        var index = 0;
        foreach (var layer in layers)
        {
            index++;
            var name = $"layers[{index}]";
            if (layer is null)
            {
                errors.Add(ModelErrors.InvalidField(name, "is missing"));
                continue;
            }

            if (layer.Outputs < 1 || layer.Inputs < 1) errors.Add(ModelErrors.InvalidField(name, $"is {layer.Outputs} x {layer.Inputs}, expected at least 1 x 1"));
            if (layer.Outputs > MaxWidth || layer.Inputs > MaxWidth) errors.Add(ModelErrors.TooLarge(name, Math.Max(layer.Outputs, layer.Inputs), MaxWidth));
            FieldChecks.Length(errors, $"{name}.bias", layer.Bias, layer.Outputs, "one per output (row of the weights)");
            FieldChecks.Finite(errors, $"{name}.weights", layer.Weights);
            FieldChecks.Finite(errors, $"{name}.bias", layer.Bias);
            if (index > 1 && layers[index - 2] is { } previous && previous.Outputs != layer.Inputs)
                errors.Add(ModelErrors.InvalidField(name, $"takes {layer.Inputs} inputs, but layer {index - 1} has {previous.Outputs} outputs"));
        }

        return FieldChecks.Result(errors, () => new Mlp(layers, activation));
    }

    /// <summary>f(u) for each row u of <paramref name="inputs"/> (n x d): an n x K matrix.</summary>
    /// <exception cref="ArgumentException">The inputs do not have d columns.</exception>
    public Mat Forward(Mat inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Columns != Inputs) throw new ArgumentException($"has {inputs.Columns} columns, expected {Inputs}", nameof(inputs));
        var a = inputs;
        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            var hidden = l < Layers.Count - 1;
            var previous = a;
            a = Mat.Create(previous.Rows, layer.Outputs, z =>
            {
                for (var r = 0; r < previous.Rows; r++) layer.Bias.Span.CopyTo(z.Slice(r * layer.Outputs, layer.Outputs));
                if (previous.Rows > 0)
                    MatrixProduct.Gemm(false, true, previous.Rows, layer.Outputs, layer.Inputs, 1.0, previous.Span, layer.Inputs,
                        layer.Weights.Span, layer.Inputs, 1.0, z, layer.Outputs);
                if (hidden)
                    for (var i = 0; i < z.Length; i++) z[i] = Activate(Activation, z[i]);
            });
        }

        return a;
    }

    /// <summary>
    /// Per row r of <paramref name="inputs"/>, the gradient in u of sum_k A[r, k] f_k(u_r), with A =
    /// <paramref name="outputWeights"/> (n x K): reverse mode through the layers. A column of ones gives the gradient
    /// of a one-output network.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs do not have d columns, or A is not n x K.</exception>
    public Mat InputGradients(Mat inputs, Mat outputWeights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputWeights);
        if (inputs.Columns != Inputs) throw new ArgumentException($"has {inputs.Columns} columns, expected {Inputs}", nameof(inputs));
        if (outputWeights.Rows != inputs.Rows || outputWeights.Columns != Outputs)
            throw new ArgumentException($"is {outputWeights.Rows} x {outputWeights.Columns}, expected {inputs.Rows} x {Outputs}", nameof(outputWeights));
        int n = inputs.Rows, count = Layers.Count;
        var preActivations = new double[count - 1][];
        var a = inputs.Span.ToArray();
        for (var l = 0; l < count - 1; l++)
        {
            var layer = Layers[l];
            var z = new double[n * layer.Outputs];
            for (var r = 0; r < n; r++) layer.Bias.Span.CopyTo(z.AsSpan(r * layer.Outputs, layer.Outputs));
            if (n > 0) MatrixProduct.Gemm(false, true, n, layer.Outputs, layer.Inputs, 1.0, a, layer.Inputs, layer.Weights.Span, layer.Inputs, 1.0, z, layer.Outputs);
            preActivations[l] = z;
            a = new double[z.Length];
            for (var i = 0; i < z.Length; i++) a[i] = Activate(Activation, z[i]);
        }

        var delta = outputWeights.Span.ToArray();
        for (var l = count - 1; l >= 0; l--)
        {
            var layer = Layers[l];
            var back = new double[n * layer.Inputs];
            if (n > 0) MatrixProduct.Gemm(false, false, n, layer.Inputs, layer.Outputs, 1.0, delta, layer.Outputs, layer.Weights.Span, layer.Inputs, 0.0, back, layer.Inputs);
            if (l > 0)
            {
                var z = preActivations[l - 1];
                for (var i = 0; i < back.Length; i++) back[i] *= Slope(Activation, z[i]);
            }

            delta = back;
        }

        return Mat.Wrap(n, Inputs, delta);
    }

    /// <summary>act(z).</summary>
    public static double Activate(MlpActivation activation, double z) => activation switch
    {
        MlpActivation.Softplus => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z)),
        MlpActivation.Tanh => Math.Tanh(z),
        _ => z / (1 + Math.Exp(-z)),
    };

    /// <summary>act'(z).</summary>
    public static double Slope(MlpActivation activation, double z) => activation switch
    {
        MlpActivation.Softplus => 1 / (1 + Math.Exp(-z)),
        MlpActivation.Tanh => 1 - Math.Tanh(z) * Math.Tanh(z),
        _ => Silu(z),
    };

    private static double Silu(double z)
    {
        var s = 1 / (1 + Math.Exp(-z));
        return s * (1 + z * (1 - s));
    }
}
