using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Ebm.Cli.Tests;

/// <summary>
/// The built <c>ebm</c> in a child process, the way a user runs it (the apphost <c>ebm</c> where the build made one,
/// else <c>dotnet ebm.dll</c>): run to its end, or started so that a test can signal it while it works.
/// </summary>
internal sealed partial class EbmProcess : IDisposable
{
    /// <summary>Longest wait for anything the process is expected to do; generous for a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private EbmProcess(Process process) => _process = process;

    /// <summary>What the process wrote to stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_gate) return _error.ToString();
        }
    }

    /// <summary>Runs ebm in <paramref name="workingDirectory"/> to its end (failing the test after <see cref="Patience"/>).</summary>
    public static CliOutcome Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Patience), $"ebm did not finish within {Patience.TotalSeconds} s");
        return new CliOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts ebm in <paramref name="workingDirectory"/>, reading its stderr as it comes.</summary>
    public static EbmProcess Start(string workingDirectory, params string[] args)
    {
        var process = new EbmProcess(Process.Start(StartInfo(workingDirectory, args))!);
        process._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (process._gate) process._error.AppendLine(e.Data);
        };
        process._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (process._gate) process._output.AppendLine(e.Data);
        };
        process._process.BeginErrorReadLine();
        process._process.BeginOutputReadLine();
        return process;
    }

    /// <summary>What the process wrote to stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate) return _output.ToString();
        }
    }

    /// <summary>Waits until stdout holds <paramref name="text"/>; false if the process ended or <see cref="Patience"/> ran out first.</summary>
    public bool WaitForOutput(string text) => WaitFor(() => Output, text);

    /// <summary>Waits until stderr holds <paramref name="text"/>; false if the process ended or <see cref="Patience"/> ran out first.</summary>
    public bool WaitForError(string text) => WaitFor(() => Error, text);

    /// <summary>Kills the process outright (SIGKILL): no handler runs, as when a machine dies.</summary>
    public void KillNow() => _process.Kill(entireProcessTree: true);

    private bool WaitFor(Func<string> stream, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (stream().Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited) return false;
            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>Sends the signal (2 SIGINT, 15 SIGTERM) to the process.</summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

    /// <summary>The exit code, once the process has ended (failing the test if it does not within <see cref="Patience"/>).</summary>
    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(Patience), "ebm did not end");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    /// <summary>
    /// True when this process ignores SIGINT, which its children inherit (a run started in the background by a
    /// non-interactive shell); .NET then leaves Ctrl-C ignored, as Unix says a background job should.
    /// </summary>
    public static bool InterruptIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    /// <summary>The apphost or <c>dotnet ebm.dll</c>, both streams redirected, EBM_DEBUG unset (so no stack trace is shown).</summary>
    private static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var directory = AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "ebm.exe" : "ebm");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(directory, "ebm.dll") } };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove("EBM_DEBUG");
        return start;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
