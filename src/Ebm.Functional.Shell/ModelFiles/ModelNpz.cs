using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// Models as NumPy <c>.npz</c> archives, so weights move to and from NumPy, scikit-learn and PyTorch: a Bernoulli RBM
/// is the arrays <c>W</c> (nv x nh), <c>b</c> (nv, visible biases) and <c>c</c> (nh, hidden biases); a
/// Gaussian-Bernoulli RBM adds <c>sigma</c> (nv); a Boltzmann machine is <c>W</c> (n x n, symmetric, zero
/// diagonal), <c>b</c> (n) and <c>spin</c> (a 0-d bool: True for states in {-1,+1}, False or absent for {0,1}). An
/// <c>mlp</c> or <c>mlp-classifier</c> is <c>W1</c>, <c>b1</c>, ..., <c>WL</c>, <c>bL</c> (layer l's weights, outputs x
/// inputs as <c>torch.nn.Linear.weight</c>, and its bias; input side first), <c>shift</c> and <c>scale</c> (d: the input
/// scaling u = (x - shift) / scale) and <c>activation</c> (a 0-d number: 0 softplus, 1 tanh, 2 silu).
/// </summary>
/// <remarks>
/// <para>The energies are those of the models: E(v,h) = -v^T W h - b^T v - c^T h for the RBM, so scikit-learn's
/// <c>BernoulliRBM</c> maps as W = <c>components_.T</c>, b = <c>intercept_visible_</c>, c = <c>intercept_hidden_</c>;
/// a PyTorch RBM whose hidden pre-activation is <c>torch.nn.Linear(nv, nh)(v)</c> has W = <c>linear.weight.T</c> and
/// c = <c>linear.bias</c>.</para>
/// <para>Reading accepts archives written by <c>np.savez</c> and <c>np.savez_compressed</c>, arrays of any real type
/// (float32 from PyTorch converts exactly). An unknown array name is an error, so a misspelt array cannot pass
/// silently; without a kind, the arrays decide it (<c>W1</c>: an mlp when the last layer has one output, an mlp-classifier
/// otherwise; <c>sigma</c>: Gaussian-Bernoulli RBM, <c>c</c>: Bernoulli RBM, otherwise a Boltzmann machine). Writing is atomic and deterministic: the same model gives the same bytes.</para>
/// <example><code>
/// var roundTrip = ModelNpz.Save("model.npz", rbm).Bind(_ =&gt; ModelNpz.Load("model.npz"));
/// // in Python: m = np.load("model.npz"); rbm.components_ = m["W"].T
/// </code></example>
/// </remarks>
public static class ModelNpz
{
    /// <summary>The largest archive read: the limit of JSON model files.</summary>
    public const long MaxFileBytes = ModelFile.MaxFileBytes;

    /// <summary>The model kinds an archive holds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["bernoulli-rbm", "gaussian-bernoulli-rbm", "boltzmann-machine", "mlp", "mlp-classifier"];

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically; a kind outside <see cref="Kinds"/> is an error.</summary>
    public static Fin<Unit> Save(string path, IEnergyModel model) => Serialize(model).Bind(bytes => AtomicFile.WriteAllBytes(path, bytes));

    /// <summary>The archive's bytes for <paramref name="model"/>, or an error for a kind outside <see cref="Kinds"/>.</summary>
    public static Fin<byte[]> Serialize(IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            BernoulliRbm rbm => FinSucc(NpzArchive.Write([("W", Matrix(rbm.Weights)), ("b", Vector(rbm.VisibleBias)), ("c", Vector(rbm.HiddenBias))])),
            GaussianBernoulliRbm rbm => FinSucc(NpzArchive.Write(
                [("W", Matrix(rbm.Weights)), ("b", Vector(rbm.VisibleBias)), ("c", Vector(rbm.HiddenBias)), ("sigma", Vector(rbm.Sigma))])),
            BoltzmannMachine machine => FinSucc(NpzArchive.Write(
                [("W", Matrix(machine.Couplings)), ("b", Vector(machine.Biases)), ("spin", NpyArray.Of([], [machine.States == StateConvention.Spin ? 1.0 : 0.0], "bool"))])),
            MlpEnergy energy => FinSucc(NpzArchive.Write(Network(energy.Network, energy.Scaling))),
            MlpClassifier classifier => FinSucc(NpzArchive.Write(Network(classifier.Network, classifier.Scaling))),
            _ => FinFail<byte[]>(ModelFileErrors.InvalidValue("kind", $"a {model.Kind} has no .npz form; the kinds with one are {string.Join(", ", Kinds)}")),
        };
    }

    /// <summary>Reads the model in the archive at <paramref name="path"/>; <paramref name="kind"/>, when given, is the kind it must hold. Errors start with the path.</summary>
    public static Fin<IEnergyModel> Load(string path, string? kind = null) =>
        BoundedFile.ReadAllBytes(path, MaxFileBytes).Bind(bytes => Parse(bytes, path, kind));

    /// <summary>Reads the model in the archive <paramref name="bytes"/>; <paramref name="source"/> names it in errors. Any bytes give a model or an expected error.</summary>
    public static Fin<IEnergyModel> Parse(byte[] bytes, string source, string? kind = null)
    {
        if (kind is not null && !Kinds.Contains(kind)) return FinFail<IEnergyModel>(Prefix(ModelFileErrors.UnknownKind(kind, Kinds), source));
        return NpzArchive.Parse(bytes, source, MaxFileBytes)
            .Bind(arrays => ModelNpzReader.Read(arrays, kind).BiMap(model => model, e => Prefix(e, source)));
    }

    /// <summary>The arrays of a network: W1, b1, ..., WL, bL, then shift, scale and the activation's number.</summary>
    private static (string, NpyArray)[] Network(Mlp network, InputScaling scaling)
    {
        var arrays = new List<(string, NpyArray)>();
        for (var l = 0; l < network.Layers.Count; l++)
        {
            arrays.Add(($"W{l + 1}", Matrix(network.Layers[l].Weights)));
            arrays.Add(($"b{l + 1}", Vector(network.Layers[l].Bias)));
        }

        arrays.Add(("shift", Vector(scaling.Shift)));
        arrays.Add(("scale", Vector(scaling.Scale)));
        arrays.Add(("activation", NpyArray.Of([], [MlpActivations.Names.ToList().IndexOf(MlpActivations.Name(network.Activation))])));
        return [.. arrays];
    }

    private static NpyArray Matrix(Mat m) => NpyArray.Of([m.Rows, m.Columns], m.Span);

    private static NpyArray Vector(Vec v) => NpyArray.Of([v.Length], v.Span);

    private static Error Prefix(Error error, string source) => error switch
    {
        ManyErrors many => Error.Many(many.Errors.Map(e => Prefix(e, source))),
        _ when error.IsExpected => Error.New(error.Code, $"{source}: {error.Message}"),
        _ => error,
    };
}
