using System.Diagnostics;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>The built <c>ebm</c> program, run as a separate process the way a user runs it.</summary>
public sealed class ProcessTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var directory = AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "ebm.exe" : "ebm");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(directory, "ebm.dll") } };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove("EBM_DEBUG");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "ebm did not finish within a minute");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_built_program_computes_log_z_and_reports_bad_input_with_exit_code_2()
    {
        var good = Run("logz", Path.Combine("Examples", "gaussian-2d.json"), "--json");
        Assert.Equal(0, good.Code);
        using var json = JsonDocument.Parse(good.Out);
        Assert.Equal(Math.Log(2 * Math.PI) - 0.5 * Math.Log(1.75), json.RootElement.GetProperty("logZ").GetDouble(), 1e-12);

        var bad = Run("logz", "no-such-model.json");
        Assert.Equal(2, bad.Code);
        Assert.Equal("ebm: error: no-such-model.json: file not found", bad.Err.Trim());
        Assert.Equal("", bad.Out);
    }
}
