namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>
/// Stan's warm-up schedule (Stan Reference Manual, "HMC algorithm parameters", automatic parameter tuning): an
/// initial fast interval where only the step size adapts, slow windows of doubling length whose draws estimate the
/// inverse mass, and a terminal fast interval where the step size settles for the final mass.
/// </summary>
/// <remarks>
/// <para>Stan's defaults for W warm-up iterations: initial buffer 75, first slow window 25, terminal buffer 50. Each
/// window is twice the previous one; a window is stretched to the terminal buffer when the one after it would not
/// fit (the first window excepted). W = 1000 gives windows 75-99, 100-149, 150-249, 250-449, 450-949 (25, 50, 100, 200, 500 iterations). When
/// W &lt; 75 + 25 + 50, the buffers become 15 % and 10 % of W and one window fills the rest (W = 100: 15-89); below
/// 20 iterations no window is opened and only the step size adapts.</para>
/// </remarks>
/// <param name="Warmup">W, the number of warm-up iterations.</param>
/// <param name="InitialBuffer">Iterations before the first window.</param>
/// <param name="TerminalBuffer">Iterations after the last window.</param>
/// <param name="Windows">The slow windows, in order, covering InitialBuffer to W - TerminalBuffer without gaps.</param>
public sealed record WindowSchedule(int Warmup, int InitialBuffer, int TerminalBuffer, IReadOnlyList<AdaptationWindow> Windows)
{
    /// <summary>Stan's initial buffer (adapt_init_buffer).</summary>
    public const int StanInitialBuffer = 75;

    /// <summary>Stan's first slow window (adapt_window).</summary>
    public const int StanBaseWindow = 25;

    /// <summary>Stan's terminal buffer (adapt_term_buffer).</summary>
    public const int StanTerminalBuffer = 50;

    /// <summary>Fewer warm-up iterations than this open no slow window (Stan's rule).</summary>
    public const int MinimumForWindows = 20;

    /// <summary>Stan's schedule for <paramref name="warmup"/> iterations.</summary>
    /// <param name="warmup">W, at least 0.</param>
    public static WindowSchedule Stan(int warmup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        if (warmup < MinimumForWindows) return new WindowSchedule(warmup, warmup, 0, []);
        var (initial, terminal, window) = (StanInitialBuffer, StanTerminalBuffer, StanBaseWindow);
        if (initial + window + terminal > warmup)
        {
            initial = (int)(0.15 * warmup);
            terminal = (int)(0.1 * warmup);
            window = warmup - initial - terminal;
        }

        // As Stan: the first window keeps its length; every later one doubles, and one that would leave less than its
        // double before the terminal buffer is stretched to it.
        var slowEnd = warmup - terminal;
        var windows = new List<AdaptationWindow> { new(initial, initial + window) };
        var start = initial + window;
        while (start < slowEnd)
        {
            window *= 2;
            var end = start + window + 2 * window > slowEnd ? slowEnd : start + window;
            windows.Add(new AdaptationWindow(start, end));
            start = end;
        }

        return new WindowSchedule(warmup, initial, terminal, windows);
    }

    /// <summary>The window containing iteration <paramref name="iteration"/>, if any.</summary>
    public AdaptationWindow? WindowAt(int iteration)
    {
        foreach (var w in Windows)
            if (iteration >= w.Start && iteration < w.End) return w;
        return null;
    }
}
