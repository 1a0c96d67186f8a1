namespace Ebm.Tests.Shared;

/// <summary>A temporary directory for one test class, removed with everything in it afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ebm-test-");

    /// <summary>The directory's absolute path.</summary>
    public string FullName => _directory.FullName;

    /// <summary>The path of <paramref name="name"/> in the directory (nothing is created).</summary>
    public string Path(string name) => System.IO.Path.Combine(_directory.FullName, name);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no byte-order mark) to <paramref name="name"/>; returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> byte for byte to <paramref name="name"/>; returns its path.</summary>
    public string WriteBytes(string name, byte[] content)
    {
        var path = Path(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>The names of the directory's entries (files, links, devices, FIFOs, folders), in order.</summary>
    public IEnumerable<string> Names() => _directory.GetFileSystemInfos().Select(f => f.Name).Order();

    public void Dispose() => _directory.Delete(recursive: true);
}
