using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A multilayer perceptron f: R^d -&gt; R^K with smooth hidden activations and a linear last layer:
/// a_0 = u, a_l = act(W_l a_(l-1) + b_l) for the hidden layers, f(u) = W_L a_(L-1) + b_L. The network of
/// <see cref="MlpEnergy"/> (K = 1) and <see cref="MlpClassifier"/> (K logits).
/// </summary>
/// <remarks>
/// Every pass runs all rows at once, one GEMM per layer, and a row's numbers have the same bits alone or in any batch.
/// The exact derivatives in the parameters that the objectives need (<c>Training.MlpTraining.Derivatives</c>) carry
/// first and second directional derivatives in u through the same layers and differentiate them in reverse.
/// </remarks>
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
        CheckInputs(inputs);
        using var jets = MlpJets.Forward(this, inputs.Span, [], inputs.Rows, 0, reversible: false);
        return Mat.From(inputs.Rows, Outputs, jets.OutputBlock(0));
    }

    /// <summary>
    /// Per row r of <paramref name="inputs"/>, the gradient in u of sum_k A[r, k] f_k(u_r), with A =
    /// <paramref name="outputWeights"/> (n x K): reverse mode through the layers. A column of ones gives the gradient
    /// of a one-output network.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs do not have d columns, or A is not n x K.</exception>
    public Mat InputGradients(Mat inputs, Mat outputWeights)
    {
        CheckInputs(inputs);
        ArgumentNullException.ThrowIfNull(outputWeights);
        if (outputWeights.Rows != inputs.Rows || outputWeights.Columns != Outputs)
            throw new ArgumentException($"is {outputWeights.Rows} x {outputWeights.Columns}, expected {inputs.Rows} x {Outputs}", nameof(outputWeights));
        using var jets = MlpJets.Forward(this, inputs.Span, [], inputs.Rows, 0);
        return Mat.Wrap(inputs.Rows, Inputs, jets.InputGradient(outputWeights.Span));
    }

    /// <summary>act(z), computed as in the network's passes.</summary>
    public static double Activate(MlpActivation activation, double z) => Derivatives(activation, z)[0];

    /// <summary>act'(z), computed as in the network's passes.</summary>
    public static double Slope(MlpActivation activation, double z) => Derivatives(activation, z)[1];

    /// <summary>
    /// act(z), act'(z), act''(z) and act'''(z), in that order (entry k is the k-th derivative), computed as in the
    /// network's passes (the parameter gradient of the Laplacian needs the third derivative).
    /// </summary>
    public static double[] Derivatives(MlpActivation activation, double z)
    {
        var values = new double[4];
        MlpActivationKernel.Evaluate(activation, [z], values.AsSpan(0, 1), values.AsSpan(1, 1), values.AsSpan(2, 1), values.AsSpan(3, 1));
        return values;
    }

    private void CheckInputs(Mat inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Columns != Inputs) throw new ArgumentException($"has {inputs.Columns} columns, expected {Inputs}", nameof(inputs));
    }
}
