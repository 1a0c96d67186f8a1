namespace Ebm.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM while <c>ebm</c> works stops it with 128 + the signal number and leaves no
/// temporary file and no target behind; a device or FIFO output is never replaced.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const int Interrupt = 2;
    private const int Terminate = 15;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// SIGINT, or SIGTERM where this test process ignores SIGINT and so would its child (a background run of the
    /// suite): both take the same path in ebm.
    /// </summary>
    private static int InterruptOrTerminate() => EbmProcess.InterruptIgnored() ? Terminate : Interrupt;

    [Theory]
    [InlineData(Interrupt)]
    [InlineData(Terminate)]
    public void A_signal_during_a_long_sample_run_leaves_no_temporary_file_and_no_target(int requested)
    {
        var signal = requested == Interrupt ? InterruptOrTerminate() : requested;
        var csv = _temp.Path("samples.csv");
        using var ebm = EbmProcess.Start(_temp.FullName, "sample", CliRun.Example("ring.json"), "--sampler", "metropolis",
            "--steps", "5000000", "--thin", "100", "--out", csv);
        Assert.True(ebm.WaitForError("% after"), $"no progress line: {ebm.Error}");
        ebm.Signal(signal);
        Assert.Equal(128 + signal, ebm.WaitForExit());
        Assert.Contains("ebm: cancelled", ebm.Error);
        Assert.Empty(_temp.Names());
    }

    [Fact]
    public void A_signal_while_waiting_for_a_fifo_reader_exits_and_leaves_the_fifo_a_fifo()
    {
        // The CSV is written first ("ebm: wrote"), then the plot waits for a reader of the FIFO that never comes.
        var csv = _temp.Path("rows.csv");
        var fifo = SpecialFiles.Fifo(_temp.Path("plot"));
        var signal = InterruptOrTerminate();
        using var ebm = EbmProcess.Start(_temp.FullName, "thermo", CliRun.Example("ising-4x4.json"), "--beta", "0.1:1:0.1", "--csv", csv, "--plot", fifo);
        Assert.True(ebm.WaitForError($"ebm: wrote {csv}"), $"the CSV was not written: {ebm.Error}");
        ebm.Signal(signal);
        Assert.Equal(128 + signal, ebm.WaitForExit());
        Assert.Contains("ebm: cancelled", ebm.Error);
        Assert.Equal("fifo", SpecialFiles.KindOf(fifo));
        Assert.Equal(["plot", "rows.csv"], _temp.Names());
    }
}
