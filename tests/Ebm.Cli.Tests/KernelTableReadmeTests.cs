using Ebm.Functional.Catalogue;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>The README's table of kernels per model is the kernel catalogue's, column by column.</summary>
public sealed class KernelTableReadmeTests : IDisposable
{
    private const string Marker = "<!-- kernel table: checked against KernelCatalog by KernelTableReadmeTests -->";

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Every_row_lists_the_catalogue_kernels_of_its_model()
    {
        var rows = TableRows();
        var models = new Dictionary<string, string>
        {
            ["continuous (gaussian, double-well, ring, gaussian-mixture-2d)"] = CliRun.Example("gaussian-2d.json"),
            ["bernoulli-rbm"] = CliRun.Example("bernoulli-rbm-3x2.json"),
            ["gaussian-bernoulli-rbm"] = CliRun.Example("gaussian-bernoulli-rbm-2x2.json"),
            ["ising, h = 0"] = CliRun.Example("ising-4x4.json"),
            ["ising, h ≠ 0"] = _files.Write("ising-field.json", """{"kind": "ising", "rows": 3, "columns": 3, "boundary": "periodic", "coupling": 1, "field": 0.2}"""),
            ["other discrete (boltzmann-machine)"] = CliRun.Example("boltzmann-machine-3.json"),
        };
        Assert.Equal(models.Keys.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var kernels = KernelCatalog.For(Load(models[row[0]]));
            Assert.Equal(List(kernels.Sampling), row[1]);
            Assert.Equal(List(kernels.Annealing), row[2]);
            Assert.Equal(List(kernels.ReversibleOnPath), row[3]);
            Assert.Equal(List(kernels.OnAnyEnergy), row[4]);
        }

        // Every other continuous kind shares the first row.
        foreach (var example in new[] { "double-well.json", "ring.json", "gaussian-mixture-2d.json" })
            Assert.Equal(List(KernelCatalog.For(Load(CliRun.Example("gaussian-2d.json"))).Sampling), List(KernelCatalog.For(Load(CliRun.Example(example))).Sampling));
    }

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "—";

    private static IEnergyModel Load(string path) => ModelFile.Load(path).Match(m => m, e => throw new InvalidOperationException(e.Message));

    /// <summary>The cells of the table's body rows (after the header and its rule), read from the README at the repository root.</summary>
    private static List<string[]> TableRows()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ebm.Functional.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "README.md"));
        var start = Array.IndexOf(lines, Marker);
        Assert.True(start >= 0, "the README has no kernel table");
        return lines.Skip(start + 3).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }
}
