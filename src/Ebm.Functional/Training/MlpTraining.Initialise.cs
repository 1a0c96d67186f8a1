using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

public static partial class MlpTraining
{
    /// <summary>
    /// A seeded network inputs -&gt; hiddenWidths... -&gt; outputs with normal weights of the scale that keeps activations
    /// of order one through the layers, and zero biases.
    /// </summary>
    /// <remarks>
    /// <para>Hidden layers: He et al. 2015 ("Delving deep into rectifiers") for the rectifier-like softplus and SiLU,
    /// standard deviation sqrt(2 / fan_in); Glorot and Bengio 2010 ("Understanding the difficulty of training deep
    /// feedforward neural networks") for tanh, sqrt(2 / (fan_in + fan_out)). The linear last layer takes Glorot's
    /// rule. Layer l (1 first) draws its weights, row-major, from <c>key.FoldIn(l)</c>.</para>
    /// <para>The network does not hold the scaling; when one is given, its dimension must be <paramref name="inputs"/>.</para>
    /// </remarks>
    /// <param name="key">The key of the draws.</param>
    /// <param name="inputs">Input coordinates d, at least 1.</param>
    /// <param name="hiddenWidths">Widths of the hidden layers in order (none: an affine map).</param>
    /// <param name="outputs">Outputs K, at least 1.</param>
    /// <param name="activation">The hidden layers' activation.</param>
    /// <param name="scaling">The input scaling the network will be used with, checked against <paramref name="inputs"/>.</param>
    public static Fin<Mlp> Initialise(
        RngKey key, int inputs, IReadOnlyList<int> hiddenWidths, int outputs, MlpActivation activation, InputScaling? scaling = null)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        var errors = new List<Error>();
        Width(errors, "inputs", inputs);
        Width(errors, "outputs", outputs);
        for (var i = 0; i < hiddenWidths.Count; i++) Width(errors, $"hidden layer {i + 1}", hiddenWidths[i]);
        if (hiddenWidths.Count + 1 > Mlp.MaxLayers)
            errors.Add(TrainingErrors.InvalidSetting("layers", $"{hiddenWidths.Count + 1} layers, at most {Mlp.MaxLayers}"));
        if (!Enum.IsDefined(activation)) errors.Add(TrainingErrors.InvalidSetting("activation", $"{(int)activation} is not an activation"));
        if (scaling is not null && scaling.Dimension != inputs)
            errors.Add(TrainingErrors.InvalidSetting("scaling", $"has {scaling.Dimension} coordinates, expected {inputs} (the network's inputs)"));
        if (errors.Count > 0) return FinFail<Mlp>(errors.Count == 1 ? errors[0] : Error.Many(errors.ToSeq()));

        var widths = new List<int> { inputs };
        widths.AddRange(hiddenWidths);
        widths.Add(outputs);
        var layers = new List<MlpLayer>(widths.Count - 1);
        for (var l = 1; l < widths.Count; l++)
        {
            int fanIn = widths[l - 1], fanOut = widths[l];
            var hidden = l < widths.Count - 1;
            var deviation = hidden && activation != MlpActivation.Tanh ? Math.Sqrt(2.0 / fanIn) : Math.Sqrt(2.0 / (fanIn + fanOut));
            var layerKey = key.FoldIn(l);
            var weights = Mat.Create(fanOut, fanIn, d =>
            {
                layerKey.Normal(d);
                for (var i = 0; i < d.Length; i++) d[i] *= deviation;
            });
            layers.Add(new MlpLayer(weights, Vec.Zeros(fanOut)));
        }

        return ToFin(Mlp.Create(layers.ToSeq(), activation));
    }

    /// <summary>An <see cref="MlpEnergy"/> (one output) on a network from <see cref="Initialise"/>.</summary>
    /// <param name="key">The key of the draws.</param>
    /// <param name="inputs">Input coordinates d, at least 1.</param>
    /// <param name="hiddenWidths">Widths of the hidden layers in order.</param>
    /// <param name="activation">The hidden layers' activation.</param>
    /// <param name="scaling">Data units to network units (identity when null).</param>
    public static Fin<MlpEnergy> InitialiseEnergy(
        RngKey key, int inputs, IReadOnlyList<int> hiddenWidths, MlpActivation activation, InputScaling? scaling = null) =>
        Initialise(key, inputs, hiddenWidths, 1, activation, scaling).Bind(network => ToFin(MlpEnergy.Create(network, scaling)));

    /// <summary>An <see cref="MlpClassifier"/> with <paramref name="classes"/> logits on a network from <see cref="Initialise"/>.</summary>
    /// <param name="key">The key of the draws.</param>
    /// <param name="inputs">Input coordinates d, at least 1.</param>
    /// <param name="hiddenWidths">Widths of the hidden layers in order.</param>
    /// <param name="classes">Classes K, at least 2.</param>
    /// <param name="activation">The hidden layers' activation.</param>
    /// <param name="scaling">Data units to network units (identity when null).</param>
    public static Fin<MlpClassifier> InitialiseClassifier(
        RngKey key, int inputs, IReadOnlyList<int> hiddenWidths, int classes, MlpActivation activation, InputScaling? scaling = null) =>
        classes < 2
            ? FinFail<MlpClassifier>(TrainingErrors.InvalidSetting("classes", $"is {classes}, expected at least 2"))
            : Initialise(key, inputs, hiddenWidths, classes, activation, scaling).Bind(network => ToFin(MlpClassifier.Create(network, scaling)));

    private static void Width(List<Error> errors, string name, int width)
    {
        if (width < 1 || width > Mlp.MaxWidth) errors.Add(TrainingErrors.InvalidSetting(name, $"is {width}, expected 1 to {Mlp.MaxWidth}"));
    }
}
