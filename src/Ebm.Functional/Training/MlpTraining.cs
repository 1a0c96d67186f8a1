using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training multilayer-perceptron energies (<see cref="MlpEnergy"/>) and classifiers (<see cref="MlpClassifier"/>): their
/// flat parameter layout, their exact derivatives for the objectives without Z, and a seeded initialisation.
/// </summary>
/// <remarks>
/// <para>Layout: the layers in order, input side first; for each, W row-major (outputs x inputs), then b. The
/// <see cref="InputScaling"/> is not trained: every model built from a vector keeps the scaling of the model it was
/// built from. Weight decay acts on the weights, not the biases.</para>
/// <para>The derivatives are a hand-written reverse mode in θ over forward-mode jets in x (see <see cref="Derivatives"/>),
/// exact to rounding, batched through GEMM and pure: no tape, no mutable state outside each call.</para>
/// </remarks>
public static partial class MlpTraining
{
    /// <summary>The family name of an energy's layout, as <see cref="MlpEnergy.Kind"/>.</summary>
    public const string Family = "mlp";

    /// <summary>The family name of a classifier's layout, as <see cref="MlpClassifier.Kind"/>.</summary>
    public const string ClassifierFamily = "mlp-classifier";

    /// <summary>The layout of an <see cref="MlpEnergy"/>'s network (layers in order, each W row-major then b); the scaling is kept.</summary>
    public static ModelParameters<MlpEnergy> Parameters { get; } = new(
        Family,
        model => Flatten(model.Network),
        (model, values) => Rebuild(Family, model.Network, values).Bind(network => ToFin(MlpEnergy.Create(network, model.Scaling))),
        model => DecayMask(model.Network));

    /// <summary>The layout of an <see cref="MlpClassifier"/>'s network (layers in order, each W row-major then b); the scaling is kept.</summary>
    public static ModelParameters<MlpClassifier> ClassifierParameters { get; } = new(
        ClassifierFamily,
        model => Flatten(model.Network),
        (model, values) => Rebuild(ClassifierFamily, model.Network, values).Bind(network => ToFin(MlpClassifier.Create(network, model.Scaling))),
        model => DecayMask(model.Network));

    private static Vec Flatten(Mlp network) => Vec.Create(network.ParameterCount, d =>
    {
        var offset = 0;
        foreach (var layer in network.Layers)
        {
            layer.Weights.Span.CopyTo(d[offset..]);
            offset += layer.Weights.Span.Length;
            layer.Bias.Span.CopyTo(d[offset..]);
            offset += layer.Bias.Length;
        }
    });

    private static Vec DecayMask(Mlp network) => Vec.Create(network.ParameterCount, d =>
    {
        var offset = 0;
        foreach (var layer in network.Layers)
        {
            d.Slice(offset, layer.Weights.Span.Length).Fill(1.0);
            offset += layer.Weights.Span.Length + layer.Bias.Length;
        }
    });

    private static Fin<Mlp> Rebuild(string family, Mlp network, Vec values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != network.ParameterCount) return FinFail<Mlp>(TrainingErrors.ParameterLength(family, network.ParameterCount, values.Length));
        var span = values.Span;
        var offset = 0;
        var layers = new List<MlpLayer>(network.Layers.Count);
        foreach (var layer in network.Layers)
        {
            var weights = Mat.From(layer.Outputs, layer.Inputs, span.Slice(offset, layer.Outputs * layer.Inputs));
            offset += layer.Outputs * layer.Inputs;
            var bias = Vec.From(span.Slice(offset, layer.Outputs));
            offset += layer.Outputs;
            layers.Add(new MlpLayer(weights, bias));
        }

        return ToFin(Mlp.Create(layers.ToSeq(), network.Activation));
    }

    private static Fin<T> ToFin<T>(Validation<Error, T> validation) =>
        validation.Match(FinSucc, errors => FinFail<T>(Error.Many(errors)));
}
