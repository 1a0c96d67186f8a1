using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// One reader per model kind: the keys the kind accepts and how its fields become a validated model.
/// </summary>
/// <remarks>
/// A reader first collects every structural problem of the file (missing keys, wrong types, ragged
/// rows, unknown keys); only a structurally sound object reaches the model's <c>Create</c>, which
/// then reports every semantic problem (sizes that disagree, asymmetry, sigma &lt;= 0, ...).
/// </remarks>
internal static class ModelReaders
{
    private sealed record KindReader(IReadOnlyList<string> Keys, Func<JsonModelReader, Func<Validation<Error, IEnergyModel>>?> Read);

    private static readonly string[] MlpKeys = ["kind", "activation", "layers", "shift", "scale"];

    private static readonly string[] LayerKeys = ["weights", "bias"];

    private static readonly string[] CategoricalKeys = ["kind", "rows", "columns", "states", "coupling", "field", "boundary"];

    private static readonly string[] BoundaryNames = ["periodic", "open"];
    private static readonly string[] StateNames = ["binary", "spin"];

    /// <summary>Wider than the 2 a mixture needs, so a 3-column row reaches the constructor's clearer message.</summary>
    private const int MaxMeanColumns = 64;

    private static readonly Dictionary<string, KindReader> Readers = new(StringComparer.Ordinal)
    {
        ["bernoulli-rbm"] = new(["kind", "weights", "visibleBias", "hiddenBias"], BernoulliRbmReader),
        ["gaussian-bernoulli-rbm"] = new(["kind", "weights", "visibleBias", "hiddenBias", "sigma"], GaussianBernoulliRbmReader),
        ["ising"] = new(["kind", "rows", "columns", "boundary", "coupling", "field"], IsingReader),
        ["boltzmann-machine"] = new(["kind", "states", "couplings", "biases"], BoltzmannMachineReader),
        ["gaussian"] = new(["kind", "mean", "precision"], GaussianReader),
        ["double-well"] = new(["kind", "barrier", "stiffness"], DoubleWellReader),
        ["ring"] = new(["kind", "radius", "scale"], RingReader),
        ["gaussian-mixture-2d"] = new(["kind", "weights", "means", "sigmas"], GaussianMixtureReader),
        ["mlp"] = new(MlpKeys, f => NetworkReader(f, "mlp")),
        ["mlp-classifier"] = new(MlpKeys, f => NetworkReader(f, "mlp-classifier")),
        ["potts"] = new(CategoricalKeys, f => CategoricalReader(f, PottsModel.Create)),
        ["clock"] = new(CategoricalKeys, f => CategoricalReader(f, ClockModel.Create)),
    };


    /// <summary>The kinds a model file may name, in documentation order.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["bernoulli-rbm", "gaussian-bernoulli-rbm", "ising", "boltzmann-machine", "gaussian", "double-well", "ring", "gaussian-mixture-2d", "mlp", "mlp-classifier", "potts", "clock"];

    /// <summary>Reads a model of <paramref name="kind"/>, reporting every problem at once.</summary>
    public static Fin<IEnergyModel> Read(string kind, JsonModelReader fields)
    {
        if (!Readers.TryGetValue(kind, out var reader)) return FinFail<IEnergyModel>(ModelFileErrors.UnknownKind(kind, Kinds));
        fields.RejectUnknownKeys(kind, reader.Keys);
        var build = reader.Read(fields);
        if (fields.Errors.Count > 0 || build is null) return FinFail<IEnergyModel>(Error.Many(fields.Errors.ToSeq()));
        return build().Match(
            Succ: model => FinSucc(model),
            Fail: errors => FinFail<IEnergyModel>(Error.Many(errors)));
    }

    private static Func<Validation<Error, IEnergyModel>>? BernoulliRbmReader(JsonModelReader f)
    {
        var (weights, visible, hidden) = (RbmWeights(f), f.Vector("visibleBias", ModelLimits.MaxLayerUnits), f.Vector("hiddenBias", ModelLimits.MaxLayerUnits));
        if (weights is null || visible is null || hidden is null) return null;
        return () => BernoulliRbm.Create(weights, visible, hidden).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? GaussianBernoulliRbmReader(JsonModelReader f)
    {
        var (weights, visible, hidden) = (RbmWeights(f), f.Vector("visibleBias", ModelLimits.MaxLayerUnits), f.Vector("hiddenBias", ModelLimits.MaxLayerUnits));
        var sigma = f.Vector("sigma", ModelLimits.MaxLayerUnits);
        if (weights is null || visible is null || hidden is null || sigma is null) return null;
        return () => GaussianBernoulliRbm.Create(weights, visible, hidden, sigma).Map(m => (IEnergyModel)m);
    }

    private static Numerics.Mat? RbmWeights(JsonModelReader f) =>
        f.Matrix("weights", ModelLimits.MaxLayerUnits, ModelLimits.MaxLayerUnits, ModelLimits.MaxWeights);

    private static Func<Validation<Error, IEnergyModel>>? IsingReader(JsonModelReader f)
    {
        var rows = f.Integer("rows");
        var columns = f.Integer("columns");
        var boundary = f.Choice("boundary", BoundaryNames, "periodic");
        var coupling = f.Number("coupling", 1.0);
        var field = f.Number("field", 0.0);
        if (rows is null || columns is null || boundary is null || coupling is null || field is null) return null;
        var b = boundary == "open" ? Boundary.Open : Boundary.Periodic;
        return () => IsingModel.Create(rows.Value, columns.Value, coupling.Value, field.Value, b).Map(m => (IEnergyModel)m);
    }

    /// <summary>A Potts or clock lattice: rows, columns and states required; coupling 1, field 0 and a periodic boundary by default.</summary>
    private static Func<Validation<Error, IEnergyModel>>? CategoricalReader<TModel>(
        JsonModelReader f, Func<int, int, int, double, double, Boundary, Validation<Error, TModel>> create)
        where TModel : IEnergyModel
    {
        var rows = f.Integer("rows");
        var columns = f.Integer("columns");
        var states = f.Integer("states");
        var boundary = f.Choice("boundary", BoundaryNames, "periodic");
        var coupling = f.Number("coupling", 1.0);
        var field = f.Number("field", 0.0);
        if (rows is null || columns is null || states is null || boundary is null || coupling is null || field is null) return null;
        var b = boundary == "open" ? Boundary.Open : Boundary.Periodic;
        return () => create(rows.Value, columns.Value, states.Value, coupling.Value, field.Value, b).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? BoltzmannMachineReader(JsonModelReader f)
    {
        var states = f.Choice("states", StateNames);
        var n = ModelLimits.MaxBoltzmannUnits;
        var couplings = f.Matrix("couplings", n, n, (long)n * n);
        var biases = f.Vector("biases", n);
        if (states is null || couplings is null || biases is null) return null;
        var convention = states == "spin" ? StateConvention.Spin : StateConvention.Binary;
        return () => BoltzmannMachine.Create(couplings, biases, convention).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? GaussianReader(JsonModelReader f)
    {
        var d = ModelLimits.MaxGaussianDimension;
        var mean = f.Vector("mean", d);
        var precision = f.Matrix("precision", d, d, (long)d * d);
        if (mean is null || precision is null) return null;
        return () => GaussianModel.Create(mean, precision).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? DoubleWellReader(JsonModelReader f)
    {
        var barrier = f.Number("barrier", 1.0);
        var stiffness = f.Number("stiffness", 1.0);
        if (barrier is null || stiffness is null) return null;
        return () => DoubleWell.Create(barrier.Value, stiffness.Value).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? RingReader(JsonModelReader f)
    {
        var radius = f.Number("radius", 1.0);
        var scale = f.Number("scale", 0.1);
        if (radius is null || scale is null) return null;
        return () => RingEnergy.Create(radius.Value, scale.Value).Map(m => (IEnergyModel)m);
    }

    private static Func<Validation<Error, IEnergyModel>>? GaussianMixtureReader(JsonModelReader f)
    {
        var k = GaussianMixture2D.MaxComponents;
        var weights = f.Vector("weights", k);
        var means = f.Matrix("means", k, MaxMeanColumns, (long)MaxMeanColumns * k);
        var sigmas = f.Vector("sigmas", k);
        if (weights is null || means is null || sigmas is null) return null;
        return () => GaussianMixture2D.Create(weights, means, sigmas).Map(m => (IEnergyModel)m);
    }

    /// <summary>
    /// An <c>mlp</c> or <c>mlp-classifier</c>: the activation by name, the layers input side first (each <c>weights</c>
    /// outputs x inputs and <c>bias</c>), and the input scaling (<c>shift</c>, <c>scale</c>) the network reads x through.
    /// </summary>
    private static Func<Validation<Error, IEnergyModel>>? NetworkReader(JsonModelReader f, string kind)
    {
        var activation = f.Choice("activation", MlpActivations.Names);
        var layers = f.Objects("layers", Mlp.MaxLayers);
        var shift = f.Vector("shift", Mlp.MaxWidth);
        var scale = f.Vector("scale", Mlp.MaxWidth);
        var read = new List<MlpLayer>();
        for (var i = 0; layers is not null && i < layers.Count; i++)
        {
            var layer = layers[i];
            layer.RejectUnknownKeys($"{kind} layer", LayerKeys);
            var weights = layer.Matrix("weights", Mlp.MaxWidth, Mlp.MaxWidth, ModelLimits.MaxWeights);
            var bias = layer.Vector("bias", Mlp.MaxWidth);
            f.Adopt($"layers[{i}].", layer);
            if (weights is not null && bias is not null) read.Add(new MlpLayer(weights, bias));
        }

        if (activation is null || layers is null || shift is null || scale is null || read.Count != layers.Count) return null;
        var function = MlpActivations.Parse(activation);
        return () =>
            from network in Mlp.Create(read.ToSeq(), function)
            from scaling in InputScaling.Create(shift, scale)
            from model in kind == "mlp"
                ? MlpEnergy.Create(network, scaling).Map(m => (IEnergyModel)m)
                : MlpClassifier.Create(network, scaling).Map(m => (IEnergyModel)m)
            select model;
    }
}
