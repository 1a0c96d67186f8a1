using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>The example model files shipped with the tool load, and cover every kind.</summary>
public sealed class ExampleFilesTests
{
    [Fact]
    public void Every_example_loads_and_every_kind_has_one()
    {
        var kinds = new List<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.json"))
        {
            var model = ModelFile.Load(path).Match(m => m, e => throw new InvalidOperationException(e.Message));
            kinds.Add(model.Kind);
        }

        Assert.Equal(ModelFile.Kinds.Order(), kinds.Order());
    }

    [Fact]
    public void The_gaussian_example_gives_its_exact_log_partition_function()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-2d.json"), "--json");
        Assert.Equal(0, run.Code);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(Math.Log(2 * Math.PI) - 0.5 * Math.Log(1.75), json.RootElement.GetProperty("logZ").GetDouble(), 1e-12);
    }
}
