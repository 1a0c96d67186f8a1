namespace Ebm.Cli.Tests;

/// <summary>A temporary directory for one test class, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ebm-cli-");

    public string Path(string name) => System.IO.Path.Combine(_directory.FullName, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
