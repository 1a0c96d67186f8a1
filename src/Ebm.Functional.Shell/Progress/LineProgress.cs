using System.Diagnostics;
using System.Globalization;

namespace Ebm.Functional.Shell.Progress;

/// <summary>
/// Progress as plain text lines ("label: 40% after 3.2 s"), for a log or a redirected stream.
/// </summary>
/// <remarks>
/// Quiet for work that finishes within the delay (<see cref="DefaultDelay"/> unless given), so short runs print nothing; after that
/// one line per <see cref="Step"/> of progress at most. Safe to call from several threads, as the
/// exact methods report from parallel blocks.
/// <example><code>
/// var progress = new LineProgress(Console.Error, "thermo");
/// var rows = LogPartition.Sweep(model, betas, progress: progress);
/// </code></example>
/// </remarks>
public sealed class LineProgress : IProgress<double>
{
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly TimeSpan _delay;
    private double _lastReported = double.NegativeInfinity;

    /// <summary>
    /// Writes lines to <paramref name="writer"/>, each starting with <paramref name="label"/>, once
    /// <paramref name="delay"/> (default <see cref="DefaultDelay"/>) has passed.
    /// </summary>
    public LineProgress(TextWriter writer, string label, TimeSpan? delay = null)
    {
        _writer = writer;
        _label = label;
        _delay = delay ?? DefaultDelay;
    }

    /// <summary>Time before the first line unless the constructor says otherwise: 1 second.</summary>
    public static TimeSpan DefaultDelay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Least progress between two lines: a tenth.</summary>
    public const double Step = 0.1;

    /// <summary>Reports the completed fraction in [0, 1].</summary>
    public void Report(double value)
    {
        lock (_gate)
        {
            var elapsed = _clock.Elapsed;
            if (elapsed < _delay || value - _lastReported < Step && value < 1.0 || value <= _lastReported) return;
            _lastReported = value;
            // Invariant, like every number ebm writes: "0.3 s" whatever the machine's culture.
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: {100 * Math.Clamp(value, 0, 1):F0}% after {elapsed.TotalSeconds:F1} s"));
        }
    }
}
