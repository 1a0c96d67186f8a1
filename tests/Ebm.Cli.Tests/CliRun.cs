namespace Ebm.Cli.Tests;

/// <summary>What one in-process run of <c>ebm</c> returned and printed.</summary>
public sealed record CliOutcome(int Code, string Out, string Err)
{
    /// <summary>A stack frame line as .NET prints them; never shown to users unless EBM_DEBUG=1.</summary>
    public bool HasStackTrace => Out.Contains("   at ", StringComparison.Ordinal) || Err.Contains("   at ", StringComparison.Ordinal);
}

/// <summary>Runs <c>ebm</c> in-process through <see cref="Cli.Run"/>, capturing stdout and stderr.</summary>
public static class CliRun
{
    public static CliOutcome Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The example model files shipped with the tool (copied next to the test assembly).</summary>
    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);
}

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
