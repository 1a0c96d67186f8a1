using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>
/// Serialize then Parse gives an equal model (records compare structurally, Vec/Mat by value), for every
/// kind, with numbers chosen to stress the text form: thirds, 1e-300, 1e300, negative zero.
/// </summary>
public sealed class ModelFileRoundTripTests
{
    private static readonly Dictionary<string, Func<IEnergyModel>> Models = new()
    {
        ["bernoulli-rbm"] = () => Valid(BernoulliRbm.Create(
            Mat.FromRows([[0.1, -1.0 / 3], [1e-300, 1e300], [-0.0, 2.5]]), Vec.Of(0.2, -0.7, 1.0 / 7), Vec.Of(0.3, -1e-5))),
        ["gaussian-bernoulli-rbm"] = () => Valid(GaussianBernoulliRbm.Create(
            Mat.FromRows([[0.5, -0.25, 0.125], [1.0 / 3, 0, -2]]), Vec.Of(0, 1), Vec.Of(0.2, -0.1, 0.05), Vec.Of(1, 0.3))),
        ["ising-open"] = () => Valid(IsingModel.Create(3, 7, -0.7, 0.25, Boundary.Open)),
        ["ising-periodic"] = () => Valid(IsingModel.Create(16, 16, 1, 0, Boundary.Periodic)),
        ["boltzmann-machine-spin"] = () => Valid(BoltzmannMachine.Create(
            Mat.FromRows([[0, 0.5, -1.0 / 3], [0.5, 0, 0.3], [-1.0 / 3, 0.3, 0]]), Vec.Of(0.1, 0, -0.1), StateConvention.Spin)),
        ["boltzmann-machine-binary"] = () => Valid(BoltzmannMachine.Create(Mat.FromRows([[0, 2], [2, 0]]), Vec.Of(-1, 1), StateConvention.Binary)),
        ["gaussian"] = () => Valid(GaussianModel.Create(Vec.Of(0.1, -2, 1.0 / 3), Mat.FromRows([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]))),
        ["double-well"] = () => Valid(DoubleWell.Create(2.5, 0.3)),
        ["ring"] = () => Valid(RingEnergy.Create(1.5, 0.2)),
        ["gaussian-mixture-2d"] = () => Valid(GaussianMixture2D.Create(Vec.Of(0.5, 0.3, 0.2), Mat.FromRows([[-2, 0], [2, 0], [0, 1.0 / 3]]), Vec.Of(0.5, 0.8, 0.6))),
        ["mlp"] = () => Valid(MlpEnergy.Create(Network(1, MlpActivation.Silu), Valid(InputScaling.Create(Vec.Of(0.25, -1.0 / 3), Vec.Of(2, 1e-3))))),
        ["potts"] = () => Valid(PottsModel.Create(3, 5, 7, -1.0 / 3, 0.25, Boundary.Open)),
        ["clock"] = () => Valid(ClockModel.Create(8, 2, 6, 1e-300, -2.5, Boundary.Periodic)),
        ["mlp-classifier"] = () => Valid(MlpClassifier.Create(Network(3, MlpActivation.Tanh), Valid(InputScaling.Create(Vec.Of(0, 1e300), Vec.Of(0.5, 7))))),
    };

    /// <summary>A 2 -> 3 -> 2 -> <paramref name="outputs"/> network with awkward numbers.</summary>
    private static Mlp Network(int outputs, MlpActivation activation) => Valid(Mlp.Create(Seq(
        new MlpLayer(Mat.FromRows([[0.1, -1.0 / 3], [1e-300, 2.5], [-0.0, 1e300]]), Vec.Of(0.2, -0.7, 1.0 / 7)),
        new MlpLayer(Mat.FromRows([[1, 2, 3], [-4, 5, -6]]), Vec.Of(0, 1e-5)),
        new MlpLayer(Mat.Create(outputs, 2, d => { for (var i = 0; i < d.Length; i++) d[i] = 0.5 - i; }), Vec.Create(outputs, d => d.Fill(-0.25)))), activation));

    public static TheoryData<string> Cases() => new(Models.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serialize_then_parse_gives_an_equal_model(string name)
    {
        var model = Models[name]();
        var parsed = ModelFile.Parse(ModelFile.Serialize(model));
        Assert.Equal(model, Succ(parsed));
        Assert.Equal(model.GetType(), Succ(parsed).GetType());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Save_then_load_gives_an_equal_model_and_leaves_no_temporary_file(string name)
    {
        var model = Models[name]();
        var directory = Directory.CreateTempSubdirectory("ebm-roundtrip-");
        try
        {
            var path = Path.Combine(directory.FullName, "model.json");
            Assert.True(ModelFile.Save(path, model).IsSucc);
            Assert.Equal(model, Succ(ModelFile.Load(path)));
            Assert.Equal(["model.json"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_kind_has_a_round_trip_case()
    {
        var kinds = Models.Values.Select(build => build().Kind).Distinct().Order();
        Assert.Equal(ModelFile.Kinds.Order(), kinds);
    }

    [Fact]
    public void Optional_fields_take_their_documented_defaults()
    {
        Assert.Equal(Valid(IsingModel.Create(3, 5, 1.0, 0.0, Boundary.Periodic)), Succ(ModelFile.Parse("""{"kind":"ising","rows":3,"columns":5}""")));
        Assert.Equal(Valid(DoubleWell.Create(1.0, 1.0)), Succ(ModelFile.Parse("""{"kind":"double-well"}""")));
        Assert.Equal(Valid(RingEnergy.Create(1.0, 0.1)), Succ(ModelFile.Parse("""{"kind":"ring"}""")));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_loads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"kind":"ring","radius":2}""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            Assert.Equal(Valid(RingEnergy.Create(2.0, 0.1)), Succ(ModelFile.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Serialized_text_uses_the_documented_keys()
    {
        var text = ModelFile.Serialize(Models["gaussian-bernoulli-rbm"]());
        foreach (var key in new[] { "\"kind\": \"gaussian-bernoulli-rbm\"", "\"weights\"", "\"visibleBias\"", "\"hiddenBias\"", "\"sigma\"" })
            Assert.Contains(key, text);
    }

    internal static T Valid<T>(Validation<Error, T> validation) =>
        validation.Match(Succ: x => x, Fail: errors => throw new InvalidOperationException(string.Join("; ", errors.Map(e => e.Message))));

    internal static IEnergyModel Succ(Fin<IEnergyModel> fin) =>
        fin.Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Message));
}
