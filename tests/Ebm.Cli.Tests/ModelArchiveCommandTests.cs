using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>Every command that reads a model file reads a model archive (.npz) too, with the same result as its JSON file.</summary>
public sealed class ModelArchiveCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-npz-model-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("bernoulli-rbm-3x2.json")]
    [InlineData("gaussian-bernoulli-rbm-2x2.json")]
    [InlineData("boltzmann-machine-3.json")]
    public void Logz_of_a_model_archive_equals_logz_of_its_json_file(string example)
    {
        var archive = Path.Combine(_root, Path.ChangeExtension(example, ".npz"));
        var saved = ModelFile.Load(CliRun.Example(example)).Bind(model => ModelNpz.Save(archive, model));
        Assert.True(saved.IsSucc, saved.Match(Succ: _ => "", Fail: e => e.Message));

        var fromJson = CliRun.Invoke("logz", CliRun.Example(example), "--json").Json();
        var fromArchive = CliRun.Invoke("logz", archive, "--json").Json();

        Assert.Equal(fromJson.GetProperty("logZ").GetDouble(), fromArchive.GetProperty("logZ").GetDouble());
    }

    [Fact]
    public void A_truncated_model_archive_is_refused_naming_the_file()
    {
        var archive = Path.Combine(_root, "model.npz");
        ModelFile.Load(CliRun.Example("bernoulli-rbm-3x2.json")).Bind(model => ModelNpz.Save(archive, model));
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Invoke("logz", archive);

        Assert.Equal(2, run.Code);
        Assert.False(run.HasStackTrace, run.Err);
        Assert.StartsWith($"ebm: error: {archive}: ", run.Err);
    }
}
