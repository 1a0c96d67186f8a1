using System.IO.Compression;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>mlp and mlp-classifier models as .npz archives: the documented arrays, the kind read from the last layer, bad arrays named.</summary>
public sealed class ModelNpzNetworkTests
{
    private static readonly InputScaling Scaling = ModelFileRoundTripTests.Valid(InputScaling.Create(Vec.Of(0.5, -2), Vec.Of(3, 0.25)));

    private static Mlp Network(int outputs, MlpActivation activation) => ModelFileRoundTripTests.Valid(Mlp.Create(Seq(
        new MlpLayer(Mat.FromRows([[0.1, -1.0 / 3], [1e-300, 2.5], [-0.5, 1e300]]), Vec.Of(0.2, -0.7, 1.0 / 7)),
        new MlpLayer(Mat.Create(outputs, 3, d => { for (var i = 0; i < d.Length; i++) d[i] = 0.25 * i - 1; }), Vec.Create(outputs, d => d.Fill(0.125)))), activation));

    private static byte[] Bytes(IEnergyModel model) => ModelNpz.Serialize(model).Match(b => b, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [InlineData(MlpActivation.Softplus)]
    [InlineData(MlpActivation.Tanh)]
    [InlineData(MlpActivation.Silu)]
    public void Networks_save_and_load_back_equal_without_a_kind(MlpActivation activation)
    {
        IEnergyModel[] models =
        [
            ModelFileRoundTripTests.Valid(MlpEnergy.Create(Network(1, activation), Scaling)),
            ModelFileRoundTripTests.Valid(MlpClassifier.Create(Network(4, activation), Scaling)),
        ];
        foreach (var model in models)
        {
            var loaded = ModelFileRoundTripTests.Succ(ModelNpz.Parse(Bytes(model), "m.npz"));
            Assert.Equal(model, loaded);
            Assert.Equal(model.GetType(), loaded.GetType());
            Assert.Equal(model, ModelFileRoundTripTests.Succ(ModelNpz.Parse(Bytes(model), "m.npz", model.Kind)));
        }
    }

    [Fact]
    public void An_archive_holds_the_layers_then_the_scaling_and_the_activation_number()
    {
        var bytes = Bytes(ModelFileRoundTripTests.Valid(MlpEnergy.Create(Network(1, MlpActivation.Tanh), Scaling)));
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["W1.npy", "b1.npy", "W2.npy", "b2.npy", "shift.npy", "scale.npy", "activation.npy"], archive.Entries.Select(e => e.FullName));
        var arrays = NpzArchive.Parse(bytes, "m.npz", 1 << 20).Match(a => a, e => throw new InvalidOperationException(e.Message));
        var activation = arrays.Find(a => a.Name == "activation").Map(a => a.Array.Values[0]);
        Assert.Equal(Some(1.0), activation);
        var w1 = arrays.Find(a => a.Name == "W1").Map(a => a.Array.ShapeText);
        Assert.Equal(Some("(3, 2)"), w1);
    }

    [Fact]
    public void An_unknown_activation_number_a_missing_bias_and_a_stray_array_are_all_reported()
    {
        var bytes = NpzArchive.Write([
            ("W1", NpyArray.Of([1, 2], [1, 2])), ("shift", NpyArray.Of([2], [0, 0])), ("scale", NpyArray.Of([2], [1, 1])),
            ("activation", NpyArray.Of([], [7])), ("b3", NpyArray.Of([1], [0]))]);
        var messages = Failures.Of(ModelNpz.Parse(bytes, "m.npz")).Select(e => e.Message).ToList();
        Assert.Contains("m.npz: b1: missing; expected a 1-d array", messages);
        Assert.Contains(messages, m => m.StartsWith("m.npz: activation: expected one number, 0 (softplus), 1 (tanh), 2 (silu), got an array of shape () holding 7", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("unknown key \"b3\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_classifier_archive_read_as_an_mlp_is_refused_by_the_energy_checks()
    {
        var bytes = Bytes(ModelFileRoundTripTests.Valid(MlpClassifier.Create(Network(3, MlpActivation.Softplus), Scaling)));
        var error = Assert.Single(Failures.Of(ModelNpz.Parse(bytes, "m.npz", "mlp")));
        Assert.Contains("the last layer has 3 outputs, expected 1", error.Message, StringComparison.Ordinal);
    }
}
