namespace Ebm.Cli.Tests;

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

    /// <summary>
    /// As <see cref="Invoke"/>, with progress lines written from the first report on instead of after a second, so that
    /// any work at all leaves a line on stderr.
    /// </summary>
    public static CliOutcome InvokeShowingProgress(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr, CancellationToken.None, TimeSpan.Zero);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The example model files shipped with the tool (copied next to the test assembly).</summary>
    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);
}
