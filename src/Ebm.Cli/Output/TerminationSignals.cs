using System.Runtime.InteropServices;

namespace Ebm.Cli.Output;

/// <summary>
/// Turns Ctrl-C (SIGINT), SIGTERM, SIGHUP and SIGQUIT into a cancelled token for the run: cancelling deletes
/// every temporary output file at once and forbids their renames, the work stops at its next progress report or
/// write, and <c>ebm</c> exits with 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM).
/// </summary>
/// <remarks>
/// Work that reports no progress is not interrupted from inside, so after <see cref="Grace"/> the process exits
/// by itself; by then the token has already removed the temporary files, so nothing is left half-written.
/// A second signal exits at once.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>How long the run may take to stop by itself before the process exits anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private static readonly (PosixSignal Signal, int Number)[] Handled =
        [(PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1), (PosixSignal.SIGQUIT, 3)];

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;
    private int _received;

    private TerminationSignals(TextWriter error) => _error = error;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts listening; messages of a forced exit go to <paramref name="error"/>.</summary>
    public static TerminationSignals Listen(TextWriter error)
    {
        var signals = new TerminationSignals(error);
        foreach (var (signal, number) in Handled)
        {
            try
            {
                signals._registrations.Add(PosixSignalRegistration.Create(signal, context => signals.Handle(context, number)));
            }
            catch (PlatformNotSupportedException)
            {
                // This system does not deliver this signal to .NET; the others still cancel.
            }
        }

        return signals;
    }

    /// <summary>The process's exit code: <paramref name="code"/>, or 128 + the signal number after a signal.</summary>
    public int ExitCode(int code) => _received == 0 ? code : 128 + _received;

    /// <inheritdoc />
    public void Dispose()
    {
        // The token source stays: a signal arriving while the process ends may still cancel it.
        foreach (var registration in _registrations) registration.Dispose();
    }

    private void Handle(PosixSignalContext context, int number)
    {
        // The runtime's default would end the process before the temporary files are deleted.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _received, number, 0) != 0)
        {
            Environment.Exit(128 + _received);
            return;
        }

        _source.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ =>
        {
            _error.WriteLine("ebm: cancelled");
            _error.Flush();
            Environment.Exit(128 + number);
        }, TaskScheduler.Default);
    }
}
