using System.IO.Compression;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Tests.Shell.Data;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>Models as .npz archives: files NumPy writes load to the models they hold, saved models load back equal, bad archives are named errors.</summary>
public sealed class ModelNpzTests
{
    private static readonly Mat W = Mat.FromRows([[0.5, -1.25], [2.0, 0.125], [-0.75, 1.5]]);
    private static readonly Vec B = Vec.From([0.1, -0.2, 0.3]);
    private static readonly Vec C = Vec.From([-0.5, 0.25]);

    private static IEnergyModel Load(string path, string? kind = null) =>
        ModelNpz.Load(path, kind).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> model) =>
        model.Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e.Map(x => x.Message))));

    [Fact]
    public void An_rbm_saved_by_numpy_savez_loads_with_its_arrays()
    {
        var rbm = Assert.IsType<BernoulliRbm>(Load(DataFixtures.Model("rbm-savez.npz")));
        Assert.Equal(Valid(BernoulliRbm.Create(W, B, C)), rbm);
    }

    [Fact]
    public void A_float32_rbm_saved_by_numpy_savez_compressed_loads_with_the_float32_values()
    {
        var rbm = Assert.IsType<BernoulliRbm>(Load(DataFixtures.Model("rbm-savez-compressed-float32.npz"), "bernoulli-rbm"));
        Assert.Equal(W.Span.ToArray().Select(x => (double)(float)x), rbm.Weights.Span.ToArray());
        Assert.Equal(B.Span.ToArray().Select(x => (double)(float)x), rbm.VisibleBias.Span.ToArray());
    }

    [Fact]
    public void A_gaussian_bernoulli_rbm_is_recognised_by_its_sigma()
    {
        var rbm = Assert.IsType<GaussianBernoulliRbm>(Load(DataFixtures.Model("gbrbm-savez.npz")));
        Assert.Equal(Valid(GaussianBernoulliRbm.Create(W, B, C, Vec.From([1.0, 0.5, 2.0]))), rbm);
    }

    [Fact]
    public void A_spin_boltzmann_machine_keeps_its_state_convention()
    {
        var machine = Assert.IsType<BoltzmannMachine>(Load(DataFixtures.Model("boltzmann-spin-savez.npz")));
        var expected = Mat.FromRows([[0.0, 0.7, -0.3], [0.7, 0.0, 1.1], [-0.3, 1.1, 0.0]]);
        Assert.Equal(Valid(BoltzmannMachine.Create(expected, Vec.From([0.2, 0.0, -0.4]), StateConvention.Spin)), machine);
    }

    [Fact]
    public void Saved_models_of_every_kind_load_back_equal_and_save_to_the_same_bytes()
    {
        using var directory = new TempDirectory();
        IEnergyModel[] models =
        [
            Valid(BernoulliRbm.Create(W, B, C)),
            Valid(GaussianBernoulliRbm.Create(W, B, C, Vec.From([1.0, 0.5, 2.0]))),
            Valid(BoltzmannMachine.Create(Mat.FromRows([[0.0, 0.1], [0.1, 0.0]]), Vec.From([0.3, 1e-300]), StateConvention.Spin)),
            Valid(BoltzmannMachine.Create(Mat.FromRows([[0.0, -2.0], [-2.0, 0.0]]), Vec.From([0.1, 0.2]), StateConvention.Binary)),
        ];
        foreach (var model in models)
        {
            var path = directory.Path($"{model.Kind}.npz");
            Assert.True(ModelNpz.Save(path, model).IsSucc);
            Assert.Equal(model, Load(path, model.Kind));
            var first = File.ReadAllBytes(path);
            Assert.True(ModelNpz.Save(path, model).IsSucc);
            Assert.Equal(first, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void A_saved_archive_holds_numpy_arrays_named_as_documented()
    {
        var bytes = ModelNpz.Serialize(Valid(BernoulliRbm.Create(W, B, C))).Match(b => b, e => throw new InvalidOperationException(e.Message));
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["W.npy", "b.npy", "c.npy"], archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Scikit_learn_components_transposed_give_the_free_energy_scikit_learn_computes()
    {
        // BernoulliRBM._free_energy(v) = -v . intercept_visible_ - sum_j logaddexp(0, (v components_^T + intercept_hidden_)_j),
        // written out here for components_ = W^T; the model's free energy must be the same number.
        var rbm = Valid(BernoulliRbm.Create(W, B, C));
        double[] v = [1, 0, 1];
        var sklearn = -(v[0] * B[0] + v[1] * B[1] + v[2] * B[2]);
        for (var j = 0; j < 2; j++)
        {
            var x = C[j] + v[0] * W[0, j] + v[1] * W[1, j] + v[2] * W[2, j];
            sklearn -= Math.Log(1 + Math.Exp(x));
        }

        Assert.Equal(sklearn, rbm.FreeEnergy(v), 12);
    }

    [Fact]
    public void A_misspelt_array_is_an_error_that_names_it_and_suggests_the_name()
    {
        var path = DataFixtures.Model("rbm-misspelt-savez.npz");
        var error = Assert.Single(Failures.Of(ModelNpz.Load(path)));
        Assert.Equal(ModelFileErrors.KeysCode, error.Code);
        Assert.Equal($"{path}: unknown key \"sigmas\" for kind bernoulli-rbm; its keys are W, b, c", error.Message);

        var asGaussian = Failures.Of(ModelNpz.Load(path, "gaussian-bernoulli-rbm")).Select(e => e.Message).ToList();
        Assert.Contains(asGaussian, m => m.Contains("\"sigmas\" (did you mean \"sigma\"?)", StringComparison.Ordinal));
        Assert.Contains($"{path}: sigma: missing; expected a 1-d array", asGaussian);
    }

    [Fact]
    public void Missing_arrays_wrong_shapes_and_non_finite_values_are_all_reported()
    {
        var bytes = NpzArchive.Write([("W", NpyArray.Of([3], [1, 2, 3])), ("c", NpyArray.Of([2], [double.NaN, 0]))]);
        var errors = Failures.Of(ModelNpz.Parse(bytes, "m.npz"));
        Assert.Equal(
            ["m.npz: W: expected a 2-d array, got an array of shape (3,)", "m.npz: b: missing; expected a 1-d array", "m.npz: c[0]: NaN is not a finite number; model files accept finite numbers only"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Sizes_that_disagree_are_reported_by_the_model_checks()
    {
        var bytes = NpzArchive.Write([("W", NpyArray.Of([3, 2], new double[6])), ("b", NpyArray.Of([2], new double[2])), ("c", NpyArray.Of([2], new double[2]))]);
        Assert.NotEmpty(Failures.Of(ModelNpz.Parse(bytes, "m.npz")));
    }

    [Fact]
    public void A_model_without_an_npz_form_or_an_unknown_kind_is_an_error()
    {
        var ising = Valid(IsingModel.Create(2, 2, 1.0, 0.0, Boundary.Periodic));
        Assert.Equal(ModelFileErrors.InvalidValueCode, Assert.Single(Failures.Of(ModelNpz.Serialize(ising))).Code);
        var unknown = Assert.Single(Failures.Of(ModelNpz.Load(DataFixtures.Model("rbm-savez.npz"), "ising")));
        Assert.Equal(ModelFileErrors.KindCode, unknown.Code);
        Assert.Equal($"{DataFixtures.Model("rbm-savez.npz")}: kind: unknown kind \"ising\"; expected one of bernoulli-rbm, gaussian-bernoulli-rbm, boltzmann-machine, mlp, mlp-classifier", unknown.Message);
    }

    [Fact]
    public void An_rbm_archive_read_as_a_boltzmann_machine_names_the_arrays_it_does_not_have()
    {
        var error = Assert.Single(Failures.Of(ModelNpz.Load(DataFixtures.Model("rbm-savez.npz"), "boltzmann-machine")));
        Assert.Contains("unknown key \"c\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_bit_in_a_stored_weight_is_a_checksum_error_not_another_model()
    {
        var bytes = ModelNpz.Serialize(Valid(BernoulliRbm.Create(W, B, C))).Match(b => b, e => throw new InvalidOperationException(e.Message));
        var at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(0.5));
        bytes[at + 6] ^= 1;
        var error = Assert.Single(Failures.Of(ModelNpz.Parse(bytes, "m.npz")));
        Assert.Equal(ArrayFileErrors.CorruptCode, error.Code);
        Assert.StartsWith("m.npz: \"W.npy\": corrupt: the CRC-32 of the data is ", error.Message, StringComparison.Ordinal);
    }
}
