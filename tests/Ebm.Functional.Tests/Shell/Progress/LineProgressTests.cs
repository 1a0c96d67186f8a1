using Ebm.Functional.Shell.Progress;

namespace Ebm.Functional.Tests.Shell.Progress;

public sealed class LineProgressTests
{
    [Fact]
    public void Prints_at_most_one_line_per_tenth_and_always_the_end()
    {
        var writer = new StringWriter();
        var progress = new LineProgress(writer, "thermo", TimeSpan.Zero);
        foreach (var fraction in new[] { 0.05, 0.1, 0.12, 0.2, 0.25, 0.5, 0.55, 0.97, 1.0, 1.0 }) progress.Report(fraction);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["thermo: 5%", "thermo: 20%", "thermo: 50%", "thermo: 97%", "thermo: 100%"], lines.Select(l => l[..l.IndexOf(" after", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Prints_its_seconds_with_a_decimal_point_in_a_comma_decimal_culture()
    {
        var line = CommaDecimalCulture.Run(() =>
        {
            var writer = new StringWriter();
            new LineProgress(writer, "thermo", TimeSpan.Zero).Report(1.0);
            return writer.ToString();
        });
        Assert.Matches(@"^thermo: 100% after \d+\.\d s$", line.TrimEnd());
    }

    [Fact]
    public void Is_quiet_during_the_delay()
    {
        var writer = new StringWriter();
        var progress = new LineProgress(writer, "thermo", TimeSpan.FromHours(1));
        progress.Report(0.5);
        progress.Report(1.0);
        Assert.Equal("", writer.ToString());
    }
}
