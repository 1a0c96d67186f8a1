using Ebm.Functional.Mcmc.Adaptation;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>Laws of Stan's warm-up schedule for every warm-up length.</summary>
public sealed class WindowScheduleProperties
{
    /// <summary>
    /// From 20 iterations on, the slow windows tile [initial buffer, W - terminal buffer) without gap or overlap; the
    /// buffers are Stan's 75 and 50 when W &gt;= 150 and 15 % and 10 % of W below; the first window is the base window
    /// (25, or all of the slow phase below 150), every later one is at least twice its predecessor, and each but the
    /// last leaves room for its double before the terminal buffer. Below 20 iterations no window opens.
    /// </summary>
    [Property(MaxTest = 500)]
    public void Windows_tile_the_slow_phase_and_double(int seed)
    {
        var warmup = Math.Abs(seed % 20_000);
        var schedule = WindowSchedule.Stan(warmup);
        Assert.Equal(warmup, schedule.Warmup);
        if (warmup < WindowSchedule.MinimumForWindows)
        {
            Assert.Empty(schedule.Windows);
            return;
        }

        var large = warmup >= 150;
        Assert.Equal(large ? 75 : (int)(0.15 * warmup), schedule.InitialBuffer);
        Assert.Equal(large ? 50 : (int)(0.1 * warmup), schedule.TerminalBuffer);
        var windows = schedule.Windows;
        var slowEnd = warmup - schedule.TerminalBuffer;
        Assert.Equal(schedule.InitialBuffer, windows[0].Start);
        Assert.Equal(large ? 25 : slowEnd - schedule.InitialBuffer, windows[0].Length);
        Assert.Equal(slowEnd, windows[^1].End);
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].End, windows[i].Start);
            Assert.True(windows[i].Length >= 2 * windows[i - 1].Length, $"W = {warmup}: window {i} shorter than twice the one before");
            Assert.True(i == windows.Count - 1 || windows[i].End + 2 * windows[i].Length <= slowEnd, $"W = {warmup}: window {i} leaves no room for its double");
        }

        for (var t = 0; t < warmup; t++)
            Assert.Equal(t >= schedule.InitialBuffer && t < slowEnd, schedule.WindowAt(t) is not null);
    }
}
